/**
 * What every process shares: server-side validation of task completions, the area variables by
 * which tasks are routed, and the clock the services share with the engine.
 */
package org.guardian.workflow;
