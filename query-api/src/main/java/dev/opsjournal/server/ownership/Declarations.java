package dev.opsjournal.server.ownership;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.timestamp;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code declaration_interval}: which Applications declared an object, when. */
@Component
public class Declarations {

  private final NamedParameterJdbcTemplate jdbc;

  Declarations(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An Application's declaration of an object, from when until when (null: still declared). */
  public record Declaration(String resource, String application, Instant from, Instant to) {}

  /** Every declaration of the objects {@code resources}, by object, start, Application. */
  public List<Declaration> of(Collection<String> resources) {
    if (resources.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        """
        select * from declaration_interval where resource_key = any(:resources)
         order by resource_key, valid_from, application
        """,
        new MapSqlParameterSource("resources", resources.toArray(String[]::new)),
        (rs, i) ->
            new Declaration(
                rs.getString("resource_key"),
                rs.getString("application"),
                instant(rs, "valid_from"),
                instant(rs, "valid_to")));
  }

  /** The Applications declaring {@code resource} at {@code at}, by name. */
  public List<String> declaringAt(String resource, Instant at) {
    return jdbc.getJdbcTemplate()
        .queryForList(
            """
            select distinct application from declaration_interval
             where resource_key = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
             order by application
            """,
            String.class,
            resource,
            timestamp(at),
            timestamp(at));
  }
}
