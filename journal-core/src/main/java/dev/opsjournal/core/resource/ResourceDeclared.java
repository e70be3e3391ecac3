package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** An Application lists the object in its {@code status.resources}: Git says it should exist. */
public record ResourceDeclared(ResourceKey resource, String application, Instant at)
    implements ResourceEvent {}
