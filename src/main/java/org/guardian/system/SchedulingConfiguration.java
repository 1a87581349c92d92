package org.guardian.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Guardian's own periodic work (for example sealing the audit chain); the engine has its jobs. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {}
