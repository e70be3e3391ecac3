package dev.opsjournal.server.api;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Null-safe conversions between read-model rows and Java values. */
public final class Rows {

  private Rows() {}

  public static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  public static List<String> strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }

  public static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }
}
