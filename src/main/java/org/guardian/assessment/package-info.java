/**
 * Guardianship-risk assessment (监护风险评估) under the four-colour scheme: indicators collected by
 * the child director and reviewed by the child supervisor, the {@code guardianship-risk} decision,
 * the supervisor's confirmation or change of colour, and the assessments in the child's file with
 * the decision version that made each.
 */
package org.guardian.assessment;
