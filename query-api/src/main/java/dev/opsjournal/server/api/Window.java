package dev.opsjournal.server.api;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * A time range [from, to) from the {@code from} and {@code to} query parameters; either end may be
 * open (null).
 */
public record Window(Instant from, Instant to) {

  /** Reads and checks both parameters, naming the one that is wrong. */
  public static Window of(String from, String to) {
    Window window = new Window(Params.instant("from", from), Params.instant("to", to));
    Params.range(window.from, window.to);
    return window;
  }

  public Timestamp fromTimestamp() {
    return Rows.timestamp(from);
  }

  public Timestamp toTimestamp() {
    return Rows.timestamp(to);
  }
}
