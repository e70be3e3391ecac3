package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy.TrackingMethod;
import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** An Application's tracking appeared on an object nobody owned. */
public record OwnershipClaimed(
    ResourceKey resource, String application, TrackingMethod tracking, Instant at)
    implements ResourceEvent {}
