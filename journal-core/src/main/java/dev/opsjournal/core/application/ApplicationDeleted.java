package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** The Application object was deleted. */
public record ApplicationDeleted(ResourceKey application, String uid, Instant at)
    implements ApplicationEvent {}
