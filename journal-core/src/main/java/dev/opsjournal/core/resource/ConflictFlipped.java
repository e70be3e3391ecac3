package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * During a conflict the object's tracking moved from one contender to another. {@code flips} counts
 * every such move since the conflict started, the takeover that started it included.
 */
public record ConflictFlipped(
    ResourceKey resource, int episode, String from, String to, int flips, Instant at)
    implements ResourceEvent {}
