package dev.opsjournal.server.ingest;

import java.time.Instant;

/**
 * A heartbeat moved the journal's clock of a cluster to {@code now} (observation time). Rules that
 * fire on elapsed time, such as "drift open longer than 15 minutes", listen to it: heartbeats are
 * how time passes when nothing else happens.
 */
public record JournalClockAdvanced(String cluster, Instant now) {}
