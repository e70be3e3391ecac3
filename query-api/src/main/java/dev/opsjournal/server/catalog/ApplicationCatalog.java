package dev.opsjournal.server.catalog;

import dev.opsjournal.core.application.ApplicationDeleted;
import dev.opsjournal.core.application.ApplicationRegistered;
import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.application.ApplicationSpecChanged;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Projection of Applications' sources and destinations, as registered and changed. */
@Component
@ProcessingGroup("applications")
public class ApplicationCatalog {

  private final JdbcTemplate jdbc;

  ApplicationCatalog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The Applications registered and not deleted at {@code at}, by {@code namespace/name}. */
  public Map<String, ApplicationSource> registeredAt(Instant at) {
    Map<String, ApplicationSource> sources = new LinkedHashMap<>();
    jdbc.query(
        """
        select namespace, name, repo_url, path, target_revision, chart, destination_server,
               destination_name, destination_namespace, project
          from application_catalog
         where registered_at <= ? and (deleted_at is null or deleted_at > ?)
         order by namespace, name
        """,
        rs -> {
          sources.put(
              rs.getString("namespace") + "/" + rs.getString("name"),
              new ApplicationSource(
                  rs.getString("repo_url"),
                  rs.getString("path"),
                  rs.getString("target_revision"),
                  rs.getString("chart"),
                  rs.getString("destination_server"),
                  rs.getString("destination_name"),
                  rs.getString("destination_namespace"),
                  rs.getString("project")));
        },
        Timestamp.from(at),
        Timestamp.from(at));
    return sources;
  }

  @EventHandler
  void on(ApplicationRegistered event) {
    ApplicationSource s = event.source();
    jdbc.update(
        """
        insert into application_catalog (application_key, cluster, namespace, name, repo_url, path,
            target_revision, chart, destination_server, destination_name, destination_namespace,
            project, registered_at, deleted_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)
        on conflict (application_key) do update set repo_url = excluded.repo_url,
            path = excluded.path, target_revision = excluded.target_revision,
            chart = excluded.chart, destination_server = excluded.destination_server,
            destination_name = excluded.destination_name,
            destination_namespace = excluded.destination_namespace, project = excluded.project,
            registered_at = excluded.registered_at, deleted_at = null
        """,
        event.application().toString(),
        event.application().cluster(),
        event.application().namespace(),
        event.application().name(),
        s.repoUrl(),
        s.path(),
        s.targetRevision(),
        s.chart(),
        s.destinationServer(),
        s.destinationName(),
        s.destinationNamespace(),
        s.project(),
        Timestamp.from(event.at()));
  }

  @EventHandler
  void on(ApplicationSpecChanged event) {
    ApplicationSource s = event.source();
    jdbc.update(
        """
        update application_catalog set repo_url = ?, path = ?, target_revision = ?, chart = ?,
            destination_server = ?, destination_name = ?, destination_namespace = ?, project = ?
         where application_key = ?
        """,
        s.repoUrl(),
        s.path(),
        s.targetRevision(),
        s.chart(),
        s.destinationServer(),
        s.destinationName(),
        s.destinationNamespace(),
        s.project(),
        event.application().toString());
  }

  @EventHandler
  void on(ApplicationDeleted event) {
    jdbc.update(
        "update application_catalog set deleted_at = ? where application_key = ?",
        Timestamp.from(event.at()),
        event.application().toString());
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from application_catalog");
  }
}
