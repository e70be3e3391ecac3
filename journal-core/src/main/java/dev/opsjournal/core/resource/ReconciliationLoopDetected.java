package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A conflict flipped more than the threshold within the window: the Applications are fighting. */
public record ReconciliationLoopDetected(
    ResourceKey resource,
    int episode,
    List<String> applications,
    int flipsInWindow,
    Duration window,
    Instant at)
    implements ResourceEvent {}
