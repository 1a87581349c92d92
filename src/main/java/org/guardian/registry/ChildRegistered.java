package org.guardian.registry;

/**
 * A child's file was created. {@code needsReview} is true when a caseworker registered the child
 * (the township's child supervisor reviews the file), false for files imported as already reviewed.
 */
public record ChildRegistered(long childId, String villageCode, boolean needsReview) {}
