package dev.opsjournal.server.report;

import dev.opsjournal.server.api.Human;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the journal words durations, counts and lists, the way people say them. */
final class Prose {

  private static final String[] SMALL_NUMBERS = {
    "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
  };

  private Prose() {}

  /** 4 s, 21 min, 29 min 4 s, 2 h 5 min, 3 d 4 h: as every surface writes it. */
  static String duration(Duration d) {
    return Human.duration(d);
  }

  /** {@code within a second}, {@code within 42 s}. */
  static String within(Duration d) {
    return Human.within(d);
  }

  /** A duration rounded to its largest unit, for ranges: {@code about 5 min}. */
  static String about(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s == 0 && !d.isNegative()) {
      return duration(d);
    }
    String rounded =
        s < 60
            ? s + " s"
            : s < 3600
                ? Math.round(s / 60.0) + " min"
                : s < 86400 ? Math.round(s / 3600.0) + " h" : Math.round(s / 86400.0) + " d";
    return duration(d).equals(rounded) ? rounded : "about " + rounded;
  }

  /** once, twice, 3 times. */
  static String times(long n) {
    return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
  }

  /** A small number in words ({@code no}, {@code three}); larger ones in digits. */
  static String words(long n) {
    return n < SMALL_NUMBERS.length ? SMALL_NUMBERS[(int) n] : Long.toString(n);
  }

  /** {@code 1 commit}, {@code 2 commits}. */
  static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  /** {@code 19,870}. */
  static String format(long n) {
    return String.format(Locale.ENGLISH, "%,d", n);
  }

  /** "a", "a and b", "a, b and c". */
  static String join(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /**
   * Like {@link #join}, but past {@link ReportLimits#LISTED} items it names the first and counts
   * the rest as {@code more}: "a, b, ... and 12 more objects".
   */
  static String joinCapped(List<String> items, String more) {
    if (items.size() <= ReportLimits.LISTED) {
      return join(items);
    }
    List<String> listed = new ArrayList<>(items.subList(0, ReportLimits.LISTED));
    listed.add(format(items.size() - ReportLimits.LISTED) + " " + more);
    return join(listed);
  }

  static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** A commit message's subject. */
  static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }
}
