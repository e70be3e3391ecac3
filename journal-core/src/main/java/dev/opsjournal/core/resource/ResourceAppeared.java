package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.Map;

/**
 * The journal saw the object for the first time. {@code manager} wrote it last; {@code fingerprint}
 * is a hash of its desired state.
 */
public record ResourceAppeared(
    ResourceKey resource,
    String uid,
    long generation,
    String fingerprint,
    Map<String, String> desired,
    String manager,
    Instant at)
    implements ResourceEvent {}
