package dev.opsjournal.server.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.application.ApplicationEvent;
import dev.opsjournal.core.resource.ResourceEvent;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects every resource and Application entry into one ordered timeline per key. */
@Component
@ProcessingGroup("timeline")
class TimelineProjection {

  private final ProjectionWrites writes;
  private final ObjectMapper json;

  TimelineProjection(ProjectionWrites writes, ObjectMapper json) {
    this.writes = writes;
    this.json = json;
  }

  @EventHandler
  void on(ResourceEvent event, EventMessage<?> message) {
    insert(message.getIdentifier(), event.resource().toString(), event.at(), event);
  }

  @EventHandler
  void on(ApplicationEvent event, EventMessage<?> message) {
    insert(message.getIdentifier(), event.application().toString(), event.at(), event);
  }

  @ResetHandler
  void reset() {
    writes.update("delete from timeline_entry");
  }

  private void insert(String eventId, String key, Instant at, Object event) {
    writes.update(
        """
        insert into timeline_entry (event_id, resource_key, at, type, summary, details)
        values (?, ?, ?, ?, ?, ?::jsonb) on conflict (event_id) do nothing
        """,
        eventId,
        key,
        Timestamp.from(at),
        event.getClass().getSimpleName(),
        Summaries.of(event),
        toJson(event));
  }

  private String toJson(Object event) {
    try {
      return json.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
    }
  }
}
