package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * The live object moved away from what Git declares while Git did not move.
 *
 * @param episode the number of this drift for this resource, from 1
 * @param application the owning Application ({@code namespace/name})
 * @param actor the field manager that last wrote the drifted fields, or {@code unknown}
 * @param fields the fields it wrote
 * @param startedAt when the live state moved (the write or the deletion)
 * @param at when the journal learned of it
 */
public record DriftDetected(
    ResourceKey resource,
    int episode,
    String application,
    String revision,
    DriftEvidence evidence,
    String actor,
    List<String> fields,
    Instant startedAt,
    Instant at)
    implements ResourceEvent {

  public static final String UNKNOWN_ACTOR = "unknown";
}
