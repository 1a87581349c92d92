/**
 * People: roles, the area tree, the routing convention ({@link org.guardian.people.Routing}) and
 * sign-in against Camunda's identity service, the single source of users and groups.
 */
package org.guardian.people;
