package dev.opsjournal.server.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One journal entry: when, what kind, a summary, and the entry's own fields. */
public record TimelineEntryView(Instant at, String type, String summary, JsonNode details) {}
