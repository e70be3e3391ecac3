package dev.opsjournal.server.conflict;

import static dev.opsjournal.server.api.Rows.array;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.resource.ConflictEnded;
import dev.opsjournal.core.resource.ConflictFlipped;
import dev.opsjournal.core.resource.ConflictStarted;
import dev.opsjournal.core.resource.ReconciliationLoopDetected;
import dev.opsjournal.core.resource.ResourceDeclared;
import dev.opsjournal.core.resource.ResourceUndeclared;
import dev.opsjournal.server.journal.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects conflict episodes, their flips, and the declarations of the objects, from which {@code
 * conflict_episode_decided} (Flyway {@code V5}) decides when each conflict began: when a second of
 * its Applications began declaring the object, or the journal's start if earlier. The journal
 * starts a conflict on whichever signal reaches the object first, the declaration or the takeover
 * it leads to (they travel different paths), so the event's time can be the takeover's, and the
 * declaration can arrive after it; declarations are timed by observation whatever the order, which
 * makes a start read the same on every replay. Every surface reads that one decided start.
 */
@Component
@ProcessingGroup("conflicts")
class ConflictProjection {

  private final ProjectionWrites writes;

  ConflictProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(ConflictStarted event) {
    writes.update(
        """
        insert into conflict_episode (resource_key, episode, applications, holder, started_at)
        values (?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.resource().toString(),
        event.episode(),
        array(event.applications()),
        event.holder(),
        timestamp(event.at()));
  }

  @EventHandler
  void on(ConflictFlipped event) {
    writes.update(
        """
        insert into conflict_flip (resource_key, episode, flip, from_app, to_app, at)
        values (?, ?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.resource().toString(),
        event.episode(),
        event.flips(),
        event.from(),
        event.to(),
        timestamp(event.at()));
    writes.update(
        """
        update conflict_episode
           set flips = ?, holder = ?,
               applications = case when ? = any(applications) then applications
                                   else array_append(applications, ?) end
         where resource_key = ? and episode = ?
        """,
        event.flips(),
        event.to(),
        event.to(),
        event.to(),
        event.resource().toString(),
        event.episode());
  }

  @EventHandler
  void on(ReconciliationLoopDetected event) {
    writes.update(
        "update conflict_episode set loop_detected_at = ? where resource_key = ? and episode = ?",
        timestamp(event.at()),
        event.resource().toString(),
        event.episode());
  }

  @EventHandler
  void on(ConflictEnded event) {
    writes.update(
        """
        update conflict_episode set ended_at = ?, winner = ?, flips = ?
         where resource_key = ? and episode = ?
        """,
        timestamp(event.at()),
        event.winner(),
        event.flips(),
        event.resource().toString(),
        event.episode());
  }

  @EventHandler
  void on(ResourceDeclared event) {
    writes.update(
        """
        insert into conflict_declaration (resource_key, application, valid_from)
        values (?, ?, ?) on conflict do nothing
        """,
        event.resource().toString(),
        event.application(),
        timestamp(event.at()));
  }

  @EventHandler
  void on(ResourceUndeclared event) {
    writes.update(
        """
        update conflict_declaration set valid_to = ?
         where resource_key = ? and application = ? and valid_to is null
        """,
        timestamp(event.at()),
        event.resource().toString(),
        event.application());
  }

  @ResetHandler
  void reset() {
    writes.update("delete from conflict_flip");
    writes.update("delete from conflict_episode");
    writes.update("delete from conflict_declaration");
  }
}
