package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.Map;

/**
 * An object with the same identity came back with a new uid.
 *
 * @param application the Application whose tracking it carries, or empty
 * @param manager the field manager that created it
 */
public record ResourceRecreated(
    ResourceKey resource,
    String previousUid,
    String uid,
    long generation,
    String fingerprint,
    Map<String, String> desired,
    String application,
    String manager,
    Instant at)
    implements ResourceEvent {}
