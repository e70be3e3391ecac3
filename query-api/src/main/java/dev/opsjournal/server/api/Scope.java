package dev.opsjournal.server.api;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a report-style query covers: the instants [start, end) and one cluster, or every cluster
 * when {@code cluster} is null. Readers bind it as {@code :start}, {@code :end} and {@code
 * :cluster}.
 */
public record Scope(Instant start, Instant end, String cluster) {

  public MapSqlParameterSource params() {
    return new MapSqlParameterSource()
        .addValue("cluster", cluster, Types.VARCHAR)
        .addValue("start", Timestamp.from(start))
        .addValue("end", Timestamp.from(end));
  }

  /** SQL: the key in {@code column} is in the scope's cluster (or no cluster was asked for). */
  public static String inCluster(String column) {
    return "(cast(:cluster as text) is null or split_part(%s, '/', 1) = :cluster)"
        .formatted(column);
  }

  /** Whether {@code instant} is in [start, end). */
  public boolean contains(Instant instant) {
    return instant != null && !instant.isBefore(start) && instant.isBefore(end);
  }

  /** {@code instant} when it is before the end, else null: what happened later is not known yet. */
  public Instant known(Instant instant) {
    return instant != null && instant.isBefore(end) ? instant : null;
  }
}
