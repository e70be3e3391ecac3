package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Duration;
import java.time.Instant;

/**
 * The drift ended: the owning Application reported the object Synced again.
 *
 * @param by the user who synced, {@code automated}, or empty when no sync did it
 * @param revision the revision in force afterwards
 * @param duration from the drift's start to its end
 */
public record DriftCorrected(
    ResourceKey resource,
    int episode,
    String application,
    Correction correction,
    String by,
    String revision,
    Duration duration,
    Instant at)
    implements ResourceEvent {}
