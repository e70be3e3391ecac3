package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * Synced / OutOfSync / Unknown, or the revision compared to, changed. {@code from} may be empty.
 */
public record SyncStatusChanged(
    ResourceKey application,
    String from,
    String to,
    String fromRevision,
    String toRevision,
    Instant at)
    implements ApplicationEvent {}
