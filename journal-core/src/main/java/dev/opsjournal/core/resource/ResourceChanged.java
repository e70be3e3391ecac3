package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * The desired state of the object changed (its generation moved or its spec fingerprint changed).
 *
 * @param manager the field manager that wrote last: who changed it
 * @param fields the fields that manager owns after the write
 * @param writtenAt when the manager wrote, as the object's managedFields say
 */
public record ResourceChanged(
    ResourceKey resource,
    String uid,
    long generation,
    String fingerprint,
    String manager,
    String operation,
    List<String> fields,
    Instant writtenAt,
    Instant at)
    implements ResourceEvent {}
