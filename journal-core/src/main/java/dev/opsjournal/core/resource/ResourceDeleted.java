package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** The object was deleted. Its final state is unknown: a watch delivers only the last it saw. */
public record ResourceDeleted(ResourceKey resource, String uid, Instant at)
    implements ResourceEvent {}
