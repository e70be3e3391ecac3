package dev.opsjournal.server.search;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * Something an actor did, as the journal recorded it.
 *
 * @param kind {@code commit} (authored), {@code sync} (initiated), {@code change} (written as a
 *     field manager) or {@code drift} (caused)
 * @param subject what it was done to: a repository, an Application or a resource key
 * @param link the REST path with the details
 */
@Schema(description = "Something an actor did, as the journal recorded it")
public record ActorEntryView(
    Instant at, String kind, String actor, String subject, String summary, String link) {}
