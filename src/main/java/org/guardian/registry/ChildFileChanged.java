package org.guardian.registry;

import java.util.Set;

/** A child's file was changed; {@code fields} names what changed (never the values). */
public record ChildFileChanged(long childId, String villageCode, Set<String> fields) {}
