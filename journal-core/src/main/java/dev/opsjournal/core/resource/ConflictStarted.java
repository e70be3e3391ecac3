package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * Two or more Applications declare the object, or its ownership moved to another Application while
 * the previous owner still declared it.
 *
 * @param applications the Applications in conflict, sorted
 * @param holder the Application whose tracking the object carries now, or empty
 */
public record ConflictStarted(
    ResourceKey resource, int episode, List<String> applications, String holder, Instant at)
    implements ResourceEvent {}
