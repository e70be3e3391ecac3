package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * The Application reports that Argo CD could not read its Git repository: a {@code ComparisonError}
 * whose message is a Git error ({@link GitFailure}). Argo CD shows it only after its repo error
 * grace period (180 s by default), so {@code at} is when Argo CD admitted it, not when Git failed.
 *
 * @param repoUrl the Application's repository, without credentials
 * @param message the condition's message, without credentials
 */
public record GitErrorRaised(
    ResourceKey application, String repoUrl, GitFailure failure, String message, Instant at)
    implements ApplicationEvent {}
