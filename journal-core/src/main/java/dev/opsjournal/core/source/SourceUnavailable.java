package dev.opsjournal.core.source;

import java.time.Instant;

/** The source could not be fetched; {@code reason} never holds credentials. */
public record SourceUnavailable(String source, String reason, Instant at) implements SourceEvent {}
