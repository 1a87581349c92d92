/**
 * Monitoring and prevention (监测预防): every child under a long-running {@code monitoring} process,
 * home visits on the cadence of the {@code visit-cadence} decision, six-section scoring and the
 * {@code early-warning} decision.
 */
package org.guardian.monitoring;
