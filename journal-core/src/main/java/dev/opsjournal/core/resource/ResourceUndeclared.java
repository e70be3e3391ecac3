package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** An Application no longer lists the object (removed from Git, or the Application is gone). */
public record ResourceUndeclared(ResourceKey resource, String application, Instant at)
    implements ResourceEvent {}
