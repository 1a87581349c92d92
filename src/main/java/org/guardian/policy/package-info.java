/**
 * Policy revision (政策修订): policy teams change BPMN, DMN and Camunda Forms safely, and running
 * cases follow. {@link org.guardian.policy.ModelValidator} checks models before anything is
 * deployed (Guardian's {@code /api/policy/deployments}, Camunda Modeler's deploy against {@code
 * /engine-rest}, and the build's {@code deploy-models} profile); {@code /api/policy/migrations}
 * plans, dry-runs and executes the migration of running instances to a new version as a Camunda
 * batch; {@code /api/children/{id}/decisions} shows which decision table and version decided
 * what about a child.
 */
package org.guardian.policy;
