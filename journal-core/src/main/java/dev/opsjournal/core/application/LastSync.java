package dev.opsjournal.core.application;

import java.time.Instant;

/**
 * The last finished sync operation of an Application, as far as a correction needs it.
 *
 * @param initiatedBy the user, or {@code automated}
 */
public record LastSync(
    String revision,
    String phase,
    String initiatedBy,
    boolean automated,
    boolean partial,
    Instant finishedAt) {}
