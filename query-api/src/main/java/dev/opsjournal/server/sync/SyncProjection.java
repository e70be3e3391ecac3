package dev.opsjournal.server.sync;

import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.application.SyncCompleted;
import dev.opsjournal.core.application.SyncStarted;
import dev.opsjournal.server.journal.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects sync operations, one row each, from start to end, with Argo CD's whole-second times and
 * the instants the journal observed the start and the end (the observation times the events carry,
 * to the millisecond), by which {@link SyncAttribution} tells apart two syncs of one second.
 */
@Component
@ProcessingGroup("syncs")
class SyncProjection {

  private final ProjectionWrites writes;

  SyncProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(SyncStarted event) {
    writes.update(
        """
        insert into sync_record (application_key, namespace, name, operation_id, revision,
            initiated_by, automated, partial, phase, started_at, observed_started_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, 'Running', ?, ?) on conflict do nothing
        """,
        event.application().toString(),
        event.application().namespace(),
        event.application().name(),
        event.operationId(),
        event.revision(),
        event.initiatedBy(),
        event.automated(),
        event.partial(),
        timestamp(event.startedAt()),
        timestamp(event.at()));
  }

  @EventHandler
  void on(SyncCompleted event) {
    writes.update(
        """
        insert into sync_record (application_key, namespace, name, operation_id, revision,
            initiated_by, automated, partial, phase, message, started_at, finished_at,
            observed_finished_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (application_key, operation_id) do update
           set phase = excluded.phase, message = excluded.message,
               finished_at = excluded.finished_at, revision = excluded.revision,
               observed_finished_at = excluded.observed_finished_at
        """,
        event.application().toString(),
        event.application().namespace(),
        event.application().name(),
        event.operationId(),
        event.revision(),
        event.initiatedBy(),
        event.automated(),
        event.partial(),
        event.phase(),
        event.message(),
        timestamp(event.startedAt()),
        timestamp(event.finishedAt()),
        timestamp(event.at()));
  }

  @ResetHandler
  void reset() {
    writes.update("delete from sync_record");
  }
}
