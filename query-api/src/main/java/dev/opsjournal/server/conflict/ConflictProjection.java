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
 * Projects conflict episodes and their flips, and decides when each conflict began: when a second
 * of its Applications began declaring the object, or the journal's start if earlier. The journal
 * starts a conflict on whichever signal reaches the object first, the declaration or the takeover
 * it leads to (they travel different paths), so the event's time can be the takeover's, and the
 * declaration can arrive after it; declarations are timed by observation whatever the order, which
 * makes a start read the same on every replay. Every surface reads the start decided here.
 */
@Component
@ProcessingGroup("conflicts")
class ConflictProjection {

  /**
   * Sets the start of the object's episodes from the declarations kept so far: among its
   * Applications' declarations in force at the journal's start ({@code journaled_at}), the second
   * earliest, or the journal's start when there is no second.
   */
  private static final String DECIDE_START =
      """
      update conflict_episode e
         set started_at = coalesce((
               select d.valid_from from conflict_declaration d
                where d.resource_key = e.resource_key and d.application = any(e.applications)
                  and d.valid_from <= e.journaled_at
                  and (d.valid_to is null or d.valid_to > e.journaled_at)
                order by d.valid_from offset 1 limit 1), e.journaled_at)
       where e.resource_key = ?
      """;

  private final ProjectionWrites writes;

  ConflictProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(ConflictStarted event) {
    writes.update(
        """
        insert into conflict_episode (resource_key, episode, applications, holder, started_at,
            journaled_at)
        values (?, ?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.resource().toString(),
        event.episode(),
        array(event.applications()),
        event.holder(),
        timestamp(event.at()),
        timestamp(event.at()));
    decideStart(event.resource().toString());
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
    // a flip can add an Application, whose declaration then counts
    decideStart(event.resource().toString());
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
    decideStart(event.resource().toString());
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
    decideStart(event.resource().toString());
  }

  @ResetHandler
  void reset() {
    writes.update("delete from conflict_flip");
    writes.update("delete from conflict_episode");
    writes.update("delete from conflict_declaration");
  }

  private void decideStart(String resource) {
    writes.update(DECIDE_START, resource);
  }
}
