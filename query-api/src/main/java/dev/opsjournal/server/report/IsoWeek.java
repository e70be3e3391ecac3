package dev.opsjournal.server.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 week such as {@code 2026-W47}: Monday 00:00 UTC to the next Monday 00:00 UTC.
 *
 * @param year the week-based year (the year of the week's Thursday)
 * @param week 1 to 52, or 53 in years that have one
 */
record IsoWeek(int year, int week) {

  private static final Pattern SYNTAX = Pattern.compile("(\\d{4})-W(\\d{2})");

  IsoWeek {
    if (year < 1 || year > 9999) {
      throw new IllegalArgumentException("the year must have four digits");
    }
    int weeks = weeksIn(year);
    if (week < 1 || week > weeks) {
      throw new IllegalArgumentException(year + " has weeks 01 to " + weeks);
    }
  }

  /** Reads {@code YYYY-Www}; the message of the exception says what was expected. */
  static IsoWeek parse(String text) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an ISO week such as 2026-W47 (YYYY-Www)");
    }
    try {
      return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not an ISO week: " + e.getMessage());
    }
  }

  LocalDate monday() {
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(DayOfWeek.MONDAY);
  }

  Instant start() {
    return monday().atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The next Monday 00:00 UTC: the week is [start, end). */
  Instant end() {
    return monday().plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** Monday to Sunday in words: {@code 16–22 November 2026}, {@code 30 November – 6 December}. */
  String days() {
    LocalDate first = monday();
    LocalDate last = first.plusDays(6);
    if (first.getYear() != last.getYear()) {
      return dayMonth(first)
          + " "
          + first.getYear()
          + " – "
          + dayMonth(last)
          + " "
          + last.getYear();
    }
    if (first.getMonth() != last.getMonth()) {
      return dayMonth(first) + " – " + dayMonth(last) + " " + last.getYear();
    }
    return first.getDayOfMonth() + "–" + dayMonth(last) + " " + last.getYear();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%04d-W%02d", year, week);
  }

  private static String dayMonth(LocalDate day) {
    return day.getDayOfMonth()
        + " "
        + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static int weeksIn(int year) {
    // 28 December is always in the last week of its year
    return LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
  }
}
