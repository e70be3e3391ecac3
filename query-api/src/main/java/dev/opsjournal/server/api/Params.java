package dev.opsjournal.server.api;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Strict readers for query parameters; each failure names its parameter. */
public final class Params {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private Params() {}

  /** An ISO-8601 instant in UTC such as {@code 2026-11-17T12:00:00Z}, or null when absent. */
  public static Instant instant(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          parameter, "'" + value + "' is not an ISO-8601 instant such as 2026-11-17T12:00:00Z");
    }
  }

  /**
   * The {@code at} of an "as of an instant" question, or null when absent; it asks about one
   * instant, so it cannot be given with a range ({@code from}, {@code to}) or {@code open}.
   */
  public static Instant asOf(String value, ListQuery list, Boolean open) {
    Instant at = instant("at", value);
    Window range = list.window();
    if (at != null && (range.from() != null || range.to() != null)) {
      throw new BadRequestException("at", "asks about one instant: give it without from and to");
    }
    if (at != null && open != null) {
      throw new BadRequestException(
          "at", "answers what was open at that instant: give it without open");
    }
    return at;
  }

  public static Instant requiredInstant(String parameter, String value) {
    Instant instant = instant(parameter, value);
    if (instant == null) {
      throw new BadRequestException(parameter, "the parameter is required");
    }
    return instant;
  }

  /** Checks that {@code from} is not after {@code to} when both are given. */
  public static void range(Instant from, Instant to) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new BadRequestException("from", "from must not be after to");
    }
  }

  public static ResourceKey resource(
      String cluster, String group, String kind, String namespace, String name) {
    require("cluster", cluster);
    require("kind", kind);
    require("name", name);
    try {
      return ResourceKey.of(cluster, group, kind, namespace, name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("resource", e.getMessage());
    }
  }

  /** A whole number, or null when absent. */
  public static Integer integer(String parameter, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(parameter, "'" + value + "' is not a whole number");
    }
  }

  public static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit", "must be between 1 and " + MAX_LIMIT);
    }
    return limit;
  }

  public static int offset(Integer offset) {
    if (offset == null) {
      return 0;
    }
    if (offset < 0) {
      throw new BadRequestException("offset", "must not be negative");
    }
    return offset;
  }

  private static void require(String parameter, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(parameter, "the parameter is required");
    }
  }
}
