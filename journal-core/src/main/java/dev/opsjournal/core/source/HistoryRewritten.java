package dev.opsjournal.core.source;

import java.time.Instant;
import java.util.List;

/** A force push: {@code unreachable} are the commits no longer reachable from the branch. */
public record HistoryRewritten(
    String source, String oldHead, String newHead, List<String> unreachable, Instant at)
    implements SourceEvent {}
