package dev.opsjournal.server.api;

import java.util.List;

/** The {@code limit} and {@code offset} of a list request, checked. */
public record PageRequest(int limit, int offset) {

  public static PageRequest of(Integer limit, Integer offset) {
    return new PageRequest(Params.limit(limit), Params.offset(offset));
  }

  /** How many rows to fetch: one more than the page, to know whether another page follows. */
  public int fetch() {
    return limit + 1;
  }

  public <T> Page<T> page(List<T> rows) {
    return Page.of(rows, offset, limit);
  }
}
