package dev.opsjournal.server.ownership;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.server.api.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code ownership_interval}: who held an object's tracking, when. */
@Component
public class Tenures {

  private final NamedParameterJdbcTemplate jdbc;

  Tenures(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One Application's hold on an object, from {@code from} until {@code to} (null: still). */
  public record Tenure(
      String resource, String application, String tracking, Instant from, Instant to) {}

  /** The tenures over objects of the scope's cluster held at some point of it. */
  public List<Tenure> overlapping(Scope scope) {
    return jdbc.query(
        """
        select * from ownership_interval
         where valid_from < :end and (valid_to is null or valid_to > :start) and %s
         order by resource_key, valid_from
        """
            .formatted(Scope.inCluster("resource_key")),
        scope.params(),
        (rs, i) -> tenure(rs));
  }

  /** The tenure over {@code resource} at {@code at}, if one Application held it. */
  public Optional<Tenure> at(String resource, Instant at) {
    return jdbc
        .getJdbcTemplate()
        .query(
            """
            select * from ownership_interval
             where resource_key = ? and valid_from <= ? and (valid_to is null or valid_to > ?)
             order by valid_from desc limit 1
            """,
            (rs, i) -> tenure(rs),
            resource,
            timestamp(at),
            timestamp(at))
        .stream()
        .findFirst();
  }

  private static Tenure tenure(ResultSet rs) throws SQLException {
    return new Tenure(
        rs.getString("resource_key"),
        rs.getString("application"),
        rs.getString("tracking"),
        instant(rs, "valid_from"),
        instant(rs, "valid_to"));
  }
}
