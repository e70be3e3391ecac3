package dev.opsjournal.server.drift;

import static dev.opsjournal.server.api.Rows.array;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.resource.DriftAttributed;
import dev.opsjournal.core.resource.DriftCorrected;
import dev.opsjournal.core.resource.DriftDetected;
import dev.opsjournal.server.journal.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects drift episodes, one row each, from detection to correction. */
@Component
@ProcessingGroup("drifts")
class DriftProjection {

  private final ProjectionWrites writes;

  DriftProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(DriftDetected event) {
    writes.update(
        """
        insert into drift_episode (resource_key, episode, application, revision, evidence, actor,
            fields, started_at, detected_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.resource().toString(),
        event.episode(),
        event.application(),
        event.revision(),
        event.evidence().name(),
        event.actor(),
        array(event.fields()),
        timestamp(event.startedAt()),
        timestamp(event.at()));
  }

  @EventHandler
  void on(DriftAttributed event) {
    writes.update(
        """
        update drift_episode
           set evidence = ?, actor = ?, fields = ?, started_at = ?,
               duration_ms = case when corrected_at is null then null
                                  else (extract(epoch from corrected_at - ?) * 1000)::bigint end
         where resource_key = ? and episode = ?
        """,
        event.evidence().name(),
        event.actor(),
        array(event.fields()),
        timestamp(event.startedAt()),
        timestamp(event.startedAt()),
        event.resource().toString(),
        event.episode());
  }

  @EventHandler
  void on(DriftCorrected event) {
    writes.update(
        """
        update drift_episode set corrected_at = ?, correction = ?, corrected_by = ?,
               duration_ms = ?
         where resource_key = ? and episode = ?
        """,
        timestamp(event.at()),
        event.correction().name(),
        event.by(),
        event.duration().toMillis(),
        event.resource().toString(),
        event.episode());
  }

  @ResetHandler
  void reset() {
    writes.update("delete from drift_episode");
  }
}
