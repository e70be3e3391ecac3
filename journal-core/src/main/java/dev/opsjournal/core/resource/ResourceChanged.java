package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The desired state of the object changed (its generation moved or its spec fingerprint changed).
 *
 * @param desired the few desired values the journal reports after the change (replicas, images)
 * @param manager the field manager that wrote last: who changed it
 * @param fields the fields that manager owns after the write
 * @param writtenAt when the manager wrote, as the object's managedFields say
 */
public record ResourceChanged(
    ResourceKey resource,
    String uid,
    long generation,
    String fingerprint,
    Map<String, String> desired,
    String manager,
    String operation,
    List<String> fields,
    Instant writtenAt,
    Instant at)
    implements ResourceEvent {}
