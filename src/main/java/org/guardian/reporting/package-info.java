/**
 * Mandatory reports (强制报告) and the guardianship case they open: intake from every channel
 * (reporters' API, the public report page, the monitoring early warning, police when a detained
 * parent leaves children without care), matching to the child's file, one open case per child, and
 * the {@code guardianship-case} process from acceptance and triage to the hand-over to assistance and
 * intervention.
 */
package org.guardian.reporting;
