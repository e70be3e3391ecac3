package dev.opsjournal.core.source;

import java.time.Instant;

/** An entry in one Git source's journal. */
public sealed interface SourceEvent
    permits CommitRecorded, HistoryRewritten, SourceUnavailable, SourceRecovered {

  /** {@code <repoUrl>#<branch>}. */
  String source();

  /** Observation time. */
  Instant at();
}
