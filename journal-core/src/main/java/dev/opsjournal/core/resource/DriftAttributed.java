package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * The write or deletion behind a drift reached the journal after the drift itself (observations of
 * different objects travel on different partitions): it names what happened, the actor and, when
 * earlier, the start. The drift may already be corrected; its duration runs from the new start.
 */
public record DriftAttributed(
    ResourceKey resource,
    int episode,
    DriftEvidence evidence,
    String actor,
    List<String> fields,
    Instant startedAt,
    Instant at)
    implements ResourceEvent {}
