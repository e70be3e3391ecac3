package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * The Application reports a different status for a resource it declares ({@code status.resources}).
 * An empty {@code status} means it no longer declares it; an empty {@code previousStatus} means it
 * did not before.
 *
 * @param revisionChanged whether the Application's revision moved in the same observation: a new
 *     revision making a resource OutOfSync is a desired change, not drift
 * @param lastSync the Application's last finished sync, or null
 */
public record ResourceStatusReported(
    ResourceKey application,
    ResourceKey resource,
    String previousStatus,
    String status,
    String revision,
    boolean revisionChanged,
    LastSync lastSync,
    Instant at)
    implements ApplicationEvent {}
