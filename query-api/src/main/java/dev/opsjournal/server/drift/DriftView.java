package dev.opsjournal.server.drift;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One drift episode.
 *
 * @param evidence LIVE_CHANGE, OUT_OF_SYNC or DELETION
 * @param actor the field manager that moved the live state, or {@code unknown}
 * @param correction SELF_HEAL, MANUAL_SYNC, NEW_REVISION or REVERTED; absent while open
 * @param duration from start to correction; absent while open
 */
@Schema(
    description =
        "One drift episode: the live object left what Git declares while Git did not move")
public record DriftView(
    String resource,
    int episode,
    String application,
    String evidence,
    String actor,
    List<String> fields,
    Instant startedAt,
    Instant detectedAt,
    boolean open,
    Instant correctedAt,
    String correction,
    String correctedBy,
    Duration duration) {}
