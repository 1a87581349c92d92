package org.guardian.reporting;

/**
 * A case opened for a child not (yet) found in the registry is now linked to the child's file (or
 * merged into the child's open case): records other modules made under the case number, before the
 * child was known, can now be attached to the child's file.
 */
public record ChildLinkedToCase(String caseNumber, long childId, String villageCode) {}
