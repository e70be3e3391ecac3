package dev.opsjournal.server.outage;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A window when desired state was not enforced or Git was unreachable.
 *
 * @param kind {@code controller} (subject: the cluster), {@code git-source} (subject: {@code
 *     <repoUrl>#<branch>}, as the Git collector saw it) or {@code git-argo-cd} (subject: the
 *     repository URL, as Argo CD saw it)
 * @param startedAt the last sign of life before it (for the controller: the last reconciliation)
 * @param detectedAt when the journal concluded it
 * @param reason for {@code git-argo-cd}, the first ComparisonError's message
 * @param seenBy {@code argo-cd} for {@code git-argo-cd}; absent for the others
 * @param cluster for {@code git-argo-cd}, the cluster whose Argo CD saw it
 * @param repoUrl for {@code git-argo-cd}, the repository, without credentials
 * @param failure for {@code git-argo-cd}: connection-refused, timeout, dns, authentication,
 *     repository-not-found, revision-not-found or other
 * @param applications for {@code git-argo-cd}, the Applications that reported it ({@code
 *     <namespace>/<name>})
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
    String reason,
    String seenBy,
    String cluster,
    String repoUrl,
    String failure,
    List<String> applications) {}
