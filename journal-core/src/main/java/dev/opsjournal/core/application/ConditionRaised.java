package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * A condition appeared, e.g. SharedResourceWarning, ComparisonError, SyncError,
 * OrphanedResourceWarning. Argo CD recomputes these on every reconcile and forgets them; the
 * journal keeps them.
 */
public record ConditionRaised(ResourceKey application, String type, String message, Instant at)
    implements ApplicationEvent {}
