package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** A condition is gone (the one with that type and message). */
public record ConditionCleared(ResourceKey application, String type, String message, Instant at)
    implements ApplicationEvent {}
