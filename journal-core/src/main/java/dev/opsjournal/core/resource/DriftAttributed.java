package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * The write behind a drift reached the journal after the drift itself (observations of different
 * objects travel on different partitions): it names the actor and, when earlier, the start.
 */
public record DriftAttributed(
    ResourceKey resource,
    int episode,
    String actor,
    List<String> fields,
    Instant startedAt,
    Instant at)
    implements ResourceEvent {}
