package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy.TrackingMethod;
import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** The object's tracking now names another Application (last writer wins in Argo CD). */
public record OwnershipTransferred(
    ResourceKey resource, String from, String to, TrackingMethod tracking, Instant at)
    implements ResourceEvent {}
