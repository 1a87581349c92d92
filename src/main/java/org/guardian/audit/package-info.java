/** The audit log: every read and change of a child's file, who did it and when. */
package org.guardian.audit;
