package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** Healthy / Progressing / Degraded / Suspended / Missing / Unknown changed. */
public record HealthChanged(ResourceKey application, String from, String to, Instant at)
    implements ApplicationEvent {}
