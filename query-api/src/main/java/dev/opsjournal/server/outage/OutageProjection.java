package dev.opsjournal.server.outage;

import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.cluster.ControllerRecovered;
import dev.opsjournal.core.cluster.ControllerUnavailable;
import dev.opsjournal.core.source.SourceRecovered;
import dev.opsjournal.core.source.SourceUnavailable;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects controller and Git source outages into windows. */
@Component
@ProcessingGroup("outages")
class OutageProjection {

  static final String CONTROLLER = "controller";
  static final String GIT_SOURCE = "git-source";

  private final ProjectionWrites writes;

  OutageProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(ControllerUnavailable event) {
    writes.update(
        """
        insert into outage (kind, subject, started_at, detected_at, reason)
        values (?, ?, ?, ?, 'no Application reconciled') on conflict do nothing
        """,
        CONTROLLER,
        event.cluster(),
        timestamp(event.lastReconciledAt()),
        timestamp(event.at()));
  }

  @EventHandler
  void on(ControllerRecovered event) {
    end(CONTROLLER, event.cluster(), event.lastReconciledAt(), event.reconciledAt());
  }

  @EventHandler
  void on(SourceUnavailable event) {
    writes.update(
        """
        insert into outage (kind, subject, started_at, detected_at, reason)
        values (?, ?, ?, ?, ?) on conflict do nothing
        """,
        GIT_SOURCE,
        event.source(),
        timestamp(event.at()),
        timestamp(event.at()),
        event.reason());
  }

  @EventHandler
  void on(SourceRecovered event) {
    end(GIT_SOURCE, event.source(), event.unavailableSince(), event.at());
  }

  @ResetHandler
  void reset() {
    writes.update("delete from outage");
  }

  private void end(String kind, String subject, Instant startedAt, Instant endedAt) {
    writes.update(
        "update outage set ended_at = ? where kind = ? and subject = ? and started_at = ?",
        timestamp(endedAt),
        kind,
        subject,
        timestamp(startedAt));
  }
}
