package dev.opsjournal.core.source;

import java.time.Duration;
import java.time.Instant;

/** The source can be fetched again after {@code outage}. */
public record SourceRecovered(String source, Instant unavailableSince, Duration outage, Instant at)
    implements SourceEvent {}
