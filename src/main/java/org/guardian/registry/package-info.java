/**
 * The child registry: one file per child (一人一档) with guardians, entrusted caregiver and
 * household, its change history (Hibernate Envers), search by area, and the review of new files.
 */
package org.guardian.registry;
