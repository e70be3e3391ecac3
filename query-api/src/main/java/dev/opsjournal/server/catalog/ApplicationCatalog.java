package dev.opsjournal.server.catalog;

import dev.opsjournal.core.application.ApplicationDeleted;
import dev.opsjournal.core.application.ApplicationRegistered;
import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.application.ApplicationSpecChanged;
import dev.opsjournal.core.observation.ArgoSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projection of Applications' sources and destinations, as registered and changed: {@code
 * application_catalog} (the first source) and {@code application_source} (every source of a
 * multi-source Application).
 */
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
    Map<String, List<ArgoSource>> multi = multiSources();
    jdbc.query(
        """
        select application_key, namespace, name, repo_url, path, target_revision, chart, destination_server,
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
                  rs.getString("project"),
                  multi.getOrDefault(rs.getString("application_key"), List.of())));
        },
        Timestamp.from(at),
        Timestamp.from(at));
    return sources;
  }

  /**
   * The Applications {@code namespace/name} as last registered (deleted ones too), in every cluster
   * or in {@code cluster} when given, by cluster.
   */
  public List<CatalogEntry> find(String namespace, String name, String cluster) {
    Map<String, List<ArgoSource>> multi = multiSources();
    return jdbc.query(
        """
        select * from application_catalog
         where namespace = ? and name = ? and (cast(? as text) is null or cluster = ?)
         order by cluster
        """,
        (rs, i) ->
            new CatalogEntry(
                rs.getString("application_key"),
                rs.getString("cluster"),
                new ApplicationSource(
                    rs.getString("repo_url"),
                    rs.getString("path"),
                    rs.getString("target_revision"),
                    rs.getString("chart"),
                    rs.getString("destination_server"),
                    rs.getString("destination_name"),
                    rs.getString("destination_namespace"),
                    rs.getString("project"),
                    multi.getOrDefault(rs.getString("application_key"), List.of())),
                rs.getTimestamp("registered_at").toInstant(),
                rs.getTimestamp("deleted_at") == null
                    ? null
                    : rs.getTimestamp("deleted_at").toInstant()),
        namespace,
        name,
        cluster,
        cluster);
  }

  /** An Application as the catalog holds it; {@code deletedAt} is null while it exists. */
  public record CatalogEntry(
      String applicationKey,
      String cluster,
      ApplicationSource source,
      Instant registeredAt,
      Instant deletedAt) {}

  /** Every source of each multi-source Application, in order, by Application key. */
  private Map<String, List<ArgoSource>> multiSources() {
    Map<String, List<ArgoSource>> sources = new LinkedHashMap<>();
    jdbc.query(
        """
        select application_key, repo_url, path, target_revision, chart, ref
          from application_source order by application_key, position
        """,
        rs -> {
          sources
              .computeIfAbsent(rs.getString("application_key"), k -> new ArrayList<>())
              .add(
                  new ArgoSource(
                      rs.getString("repo_url"),
                      rs.getString("path"),
                      rs.getString("target_revision"),
                      rs.getString("chart"),
                      rs.getString("ref")));
        });
    return sources;
  }

  private void writeSources(String applicationKey, List<ArgoSource> sources) {
    jdbc.update("delete from application_source where application_key = ?", applicationKey);
    for (int i = 0; i < sources.size(); i++) {
      ArgoSource s = sources.get(i);
      jdbc.update(
          """
          insert into application_source (application_key, position, repo_url, path,
              target_revision, chart, ref)
          values (?, ?, ?, ?, ?, ?, ?)
          """,
          applicationKey,
          i,
          s.repoUrl(),
          s.path(),
          s.targetRevision(),
          s.chart(),
          s.ref());
    }
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
    writeSources(event.application().toString(), s.sources());
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
    writeSources(event.application().toString(), s.sources());
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
    jdbc.update("delete from application_source");
  }
}
