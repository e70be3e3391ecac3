package dev.opsjournal.server.outage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;

/**
 * A window when desired state was not enforced or Git was unreachable.
 *
 * @param kind {@code controller} (subject: the cluster) or {@code git-source} (subject: {@code
 *     <repoUrl>#<branch>})
 * @param startedAt the last sign of life before it (for the controller: the last reconciliation)
 * @param detectedAt when the journal concluded it
 */
@Schema(
    description =
        "A window when desired state was not enforced or a Git source could not be fetched")
public record OutageView(
    String kind,
    String subject,
    Instant startedAt,
    Instant detectedAt,
    boolean open,
    Instant endedAt,
    Duration duration,
    String reason) {}
