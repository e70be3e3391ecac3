package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * The Application no longer reports a Git error: Argo CD compared it against Git again (or the
 * Application is gone, or its source moved to another repository).
 *
 * @param repoUrl the repository of the {@link GitErrorRaised} it ends
 */
public record GitErrorCleared(ResourceKey application, String repoUrl, Instant at)
    implements ApplicationEvent {}
