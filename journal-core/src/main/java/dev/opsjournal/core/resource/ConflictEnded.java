package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Duration;
import java.time.Instant;

/** One declaring Application remains (or none). */
public record ConflictEnded(
    ResourceKey resource, int episode, String winner, int flips, Duration duration, Instant at)
    implements ResourceEvent {}
