package dev.opsjournal.server.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * One list query over a read-model table, as every list endpoint asks it: optional filters (each
 * left out when its parameter is absent), the items whose span overlaps a {@link Window}, and one
 * page in a stable order. A feature's reader builds it over its own table; its controller only
 * passes the parameters.
 */
public final class Listing {

  private final String select;
  private final List<String> conditions = new ArrayList<>();
  private final List<Object> args = new ArrayList<>();

  private Listing(String select) {
    this.select = select;
  }

  /** A listing of the rows {@code select} (a statement without where, order or limit) yields. */
  public static Listing of(String select) {
    return new Listing(select);
  }

  /** Only rows meeting {@code condition}, whose one {@code ?} is {@code value}; none when null. */
  public Listing where(String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      args.add(value);
    }
    return this;
  }

  /**
   * {@code true}: only open items ({@code endColumn} null); {@code false}: only ended; null: all.
   */
  public Listing open(String endColumn, Boolean open) {
    if (open != null) {
      conditions.add(endColumn + (open ? " is null" : " is not null"));
    }
    return this;
  }

  /**
   * Only items overlapping {@code window}: started before its end, and still open ({@code end}
   * null) or ended at or after its start.
   */
  public Listing overlapping(String start, String end, Window window) {
    where("(" + end + " is null or " + end + " >= ?)", window.fromTimestamp());
    return where(start + " < ?", window.toTimestamp());
  }

  /**
   * Only items in progress at {@code at}: started at or before it, and not ended by then ({@code
   * end} null or after it).
   */
  public Listing inProgressAt(String start, String end, Instant at) {
    where(start + " <= ?", Rows.timestamp(at));
    return where("(" + end + " is null or " + end + " > ?)", Rows.timestamp(at));
  }

  /** The page asked for, in {@code order} (which must make it stable). */
  public <T> Page<T> page(JdbcTemplate jdbc, String order, PageRequest page, RowMapper<T> rows) {
    List<Object> all = new ArrayList<>(args);
    all.add(page.fetch());
    all.add(page.offset());
    return page.page(
        jdbc.query(
            select + where() + " order by " + order + " limit ? offset ?", rows, all.toArray()));
  }

  /** How many rows there are: {@code select} being a {@code select count(*) from ...}. */
  public long count(JdbcTemplate jdbc) {
    Long count = jdbc.queryForObject(select + where(), Long.class, args.toArray());
    return count == null ? 0 : count;
  }

  private String where() {
    return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }
}
