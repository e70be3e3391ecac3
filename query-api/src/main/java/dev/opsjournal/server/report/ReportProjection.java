package dev.opsjournal.server.report;

import static dev.opsjournal.server.api.Rows.array;
import static dev.opsjournal.server.api.Rows.timestamp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.application.ApplicationAttributed;
import dev.opsjournal.core.application.ApplicationDeleted;
import dev.opsjournal.core.application.ApplicationRegistered;
import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.application.ApplicationSpecChanged;
import dev.opsjournal.core.application.ConditionCleared;
import dev.opsjournal.core.application.ConditionRaised;
import dev.opsjournal.core.application.HealthChanged;
import dev.opsjournal.core.application.SyncPolicy;
import dev.opsjournal.core.application.SyncStatusChanged;
import dev.opsjournal.core.resource.ResourceAppeared;
import dev.opsjournal.core.resource.ResourceChanged;
import dev.opsjournal.core.resource.ResourceDeleted;
import dev.opsjournal.core.resource.ResourceRecreated;
import dev.opsjournal.core.source.HistoryRewritten;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects what the weekly journal needs beyond the other read models: each write of an object's
 * desired values (so that environments can be told apart by what Argo CD applied), Applications'
 * registrations with their sync policy and who made them, their status, their conditions, and force
 * pushes.
 */
@Component
@ProcessingGroup("report")
class ReportProjection {

  static final String APPEARED = "APPEARED";
  static final String CHANGED = "CHANGED";
  static final String RECREATED = "RECREATED";
  static final String DELETED = "DELETED";
  static final String REGISTERED = "REGISTERED";

  private final ProjectionWrites writes;
  private final ObjectMapper json;

  ReportProjection(ProjectionWrites writes, ObjectMapper json) {
    this.writes = writes;
    this.json = json;
  }

  @EventHandler
  void on(ResourceAppeared event) {
    write(event.resource(), event.at(), APPEARED, event.uid(), event.manager(), event.desired());
  }

  @EventHandler
  void on(ResourceChanged event) {
    write(event.resource(), event.at(), CHANGED, event.uid(), event.manager(), event.desired());
  }

  @EventHandler
  void on(ResourceRecreated event) {
    write(event.resource(), event.at(), RECREATED, event.uid(), event.manager(), event.desired());
  }

  @EventHandler
  void on(ResourceDeleted event) {
    write(event.resource(), event.at(), DELETED, event.uid(), "", Map.of());
  }

  @EventHandler
  void on(ApplicationRegistered event) {
    application(event.application(), event.at(), REGISTERED, event.source(), event.syncPolicy());
  }

  @EventHandler
  void on(ApplicationSpecChanged event) {
    application(event.application(), event.at(), CHANGED, event.source(), event.syncPolicy());
  }

  /** Who did what to the Application, when an Argo CD Event named it (V8). */
  @EventHandler
  void on(ApplicationAttributed event) {
    writes.update(
        """
        insert into report_application_actor (application_key, at, action, actor, component)
        values (?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.application().toString(),
        timestamp(event.happenedAt()),
        event.action(),
        event.actor(),
        event.tool());
  }

  @EventHandler
  void on(ApplicationDeleted event) {
    // a deletion keeps the last spec, so that the journal can say what went away
    writes.update(
        """
        insert into report_application_event (application_key, at, kind, repo_url, path,
            target_revision, destination_server, destination_name, destination_namespace, project,
            automated, self_heal, prune)
        select application_key, ?, ?, repo_url, path, target_revision, destination_server,
               destination_name, destination_namespace, project, automated, self_heal, prune
          from report_application_event
         where application_key = ? and at <= ?
         order by at desc limit 1
        on conflict do nothing
        """,
        timestamp(event.at()),
        DELETED,
        event.application().toString(),
        timestamp(event.at()));
  }

  @EventHandler
  void on(SyncStatusChanged event) {
    status(event.application(), event.at(), event.to(), event.toRevision(), null);
  }

  @EventHandler
  void on(HealthChanged event) {
    status(event.application(), event.at(), null, null, event.to());
  }

  @EventHandler
  void on(ConditionRaised event) {
    writes.update(
        """
        insert into report_condition (application_key, type, message, raised_at)
        values (?, ?, ?, ?) on conflict do nothing
        """,
        event.application().toString(),
        event.type(),
        event.message(),
        timestamp(event.at()));
  }

  @EventHandler
  void on(ConditionCleared event) {
    writes.update(
        """
        update report_condition set cleared_at = ?
         where application_key = ? and type = ? and message = ? and cleared_at is null
        """,
        timestamp(event.at()),
        event.application().toString(),
        event.type(),
        event.message());
  }

  @EventHandler
  void on(HistoryRewritten event) {
    writes.update(
        """
        insert into report_history_rewrite (source, at, old_head, new_head, unreachable)
        values (?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.source(),
        timestamp(event.at()),
        event.oldHead(),
        event.newHead(),
        array(event.unreachable()));
  }

  @ResetHandler
  void reset() {
    writes.update("delete from report_object_write");
    writes.update("delete from report_application_event");
    writes.update("delete from report_application_status");
    writes.update("delete from report_condition");
    writes.update("delete from report_application_actor");
    writes.update("delete from report_history_rewrite");
  }

  private void write(
      ResourceKey resource,
      Instant at,
      String kind,
      String uid,
      String manager,
      Map<String, String> desired) {
    writes.update(
        """
        insert into report_object_write (resource_key, at, kind, uid, manager, desired)
        values (?, ?, ?, ?, ?, ?::jsonb) on conflict do nothing
        """,
        resource.toString(),
        timestamp(at),
        kind,
        uid,
        manager == null ? "" : manager,
        toJson(desired == null ? Map.of() : desired));
  }

  private void application(
      ResourceKey application, Instant at, String kind, ApplicationSource s, SyncPolicy policy) {
    writes.update(
        """
        insert into report_application_event (application_key, at, kind, repo_url, path,
            target_revision, destination_server, destination_name, destination_namespace, project,
            automated, self_heal, prune)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """,
        application.toString(),
        timestamp(at),
        kind,
        s.repoUrl(),
        s.path(),
        s.targetRevision(),
        s.destinationServer(),
        s.destinationName(),
        s.destinationNamespace(),
        s.project(),
        policy != null && policy.automated(),
        policy != null && policy.selfHeal(),
        policy != null && policy.prune());
  }

  /** Appends the whole status as it stands after this change (sync and health arrive apart). */
  private void status(
      ResourceKey application, Instant at, String sync, String revision, String health) {
    writes.update(
        """
        insert into report_application_status (application_key, at, sync_status, revision, health)
        select ?, ?, coalesce(cast(? as text), p.sync_status, ''),
               coalesce(cast(? as text), p.revision, ''), coalesce(cast(? as text), p.health, '')
          from (select 1) one
          left join lateral (
            select * from report_application_status s
             where s.application_key = ? and s.at <= ?
             order by s.at desc limit 1) p on true
        on conflict (application_key, at) do update
           set sync_status = excluded.sync_status, revision = excluded.revision,
               health = excluded.health
        """,
        application.toString(),
        timestamp(at),
        sync,
        revision,
        health,
        application.toString(),
        timestamp(at));
  }

  private String toJson(Map<String, String> desired) {
    try {
      return json.writeValueAsString(desired);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write desired values", e);
    }
  }
}
