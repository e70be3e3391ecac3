package dev.opsjournal.server.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One journal entry: when, what kind, a summary, and the entry's own fields. */
@Schema(
    description = "One journal entry about an object: when, what kind, a summary, and its fields")
public record TimelineEntryView(Instant at, String type, String summary, JsonNode details) {}
