package dev.opsjournal.server.timeline;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.server.api.Listing;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.api.Window;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code timeline_entry}. */
@Component
public class TimelineEntries {

  private final NamedParameterJdbcTemplate jdbc;

  TimelineEntries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A write to an object, by the field manager that made it. */
  public record Change(Instant at, String resource, String manager, String summary) {}

  /** An entry with its details as JSON text. */
  record Entry(Instant at, String type, String summary, String details) {}

  /** Whether the journal holds anything about a resource: what tells a 404 from an empty answer. */
  public boolean contains(String resourceKey) {
    return Boolean.TRUE.equals(
        plain()
            .queryForObject(
                "select exists (select 1 from timeline_entry where resource_key = ?)",
                Boolean.class,
                resourceKey));
  }

  /** One object's entries in [from, to), in journal order. */
  Page<Entry> page(String resourceKey, Window window, PageRequest page) {
    RowMapper<Entry> rows =
        (rs, i) ->
            new Entry(
                instant(rs, "at"),
                rs.getString("type"),
                rs.getString("summary"),
                rs.getString("details"));
    return Listing.of("select at, type, summary, details::text as details from timeline_entry")
        .where("resource_key = ?", resourceKey)
        .where("at >= ?", window.fromTimestamp())
        .where("at < ?", window.toTimestamp())
        .page(plain(), "at, id", page, rows);
  }

  /** How many entries about objects of the scope's cluster are in the scope. */
  public int count(Scope scope) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from timeline_entry where at >= :start and at < :end and "
                + Scope.inCluster("resource_key"),
            scope.params(),
            Integer.class);
    return count == null ? 0 : count;
  }

  /** The first {@code limit} writes {@code manager} made in [from, to). */
  public List<Change> changesBy(String manager, Instant from, Instant to, int limit) {
    return plain()
        .query(
            """
            select at, resource_key, summary from timeline_entry
             where type = 'ResourceChanged' and details->>'manager' = ?
               and at >= ? and at < ?
             order by at, resource_key, id limit ?
            """,
            (rs, i) ->
                new Change(
                    instant(rs, "at"),
                    rs.getString("resource_key"),
                    manager,
                    rs.getString("summary")),
            manager,
            timestamp(from),
            timestamp(to),
            limit);
  }

  private JdbcTemplate plain() {
    return jdbc.getJdbcTemplate();
  }
}
