package dev.opsjournal.server.conflict;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One conflict over an object.
 *
 * @param holder the Application whose tracking the object carries (last writer); the winner so far
 * @param flips how often the tracking moved between them after the conflict started
 * @param loopDetectedAt when the flips passed the reconciliation-loop threshold, if they did
 * @param winner the one Application left declaring it, once ended
 */
@Schema(description = "One conflict: two or more Applications claiming the same object")
public record ConflictView(
    String resource,
    int episode,
    List<String> applications,
    String holder,
    List<String> losers,
    int flips,
    Instant startedAt,
    Instant loopDetectedAt,
    boolean open,
    Instant endedAt,
    String winner) {}
