package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * The object no longer carries a valid tracking of {@code application}, or that Application stopped
 * declaring the deleted object.
 */
public record OwnershipReleased(ResourceKey resource, String application, Instant at)
    implements ResourceEvent {}
