package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** A condition of that type is gone. */
public record ConditionCleared(ResourceKey application, String type, Instant at)
    implements ApplicationEvent {}
