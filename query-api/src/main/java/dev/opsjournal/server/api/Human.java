package dev.opsjournal.server.api;

import java.time.Duration;

/**
 * How every surface writes a duration or a commit for a person to read, so that an alert, a
 * timeline entry and the weekly journal say the same thing the same way.
 */
public final class Human {

  /** How many characters of a commit id are shown: Git's and Argo CD's usual abbreviation. */
  public static final int REVISION_LENGTH = 7;

  private static final String LESS_THAN_A_SECOND = "less than a second";

  private Human() {}

  /** How soon something followed: {@code within a second}, {@code within 42 s}. */
  public static String within(Duration d) {
    return !d.isNegative() && d.toSeconds() == 0 ? "within a second" : "within " + duration(d);
  }

  /**
   * A duration in its two largest units, the smaller left out when it is zero: {@code 42 s}, {@code
   * 29 min 4 s}, {@code 2 h}, {@code 2 h 5 min}, {@code 3 d 4 h}. One under a second reads {@code
   * less than a second}, never {@code 0 s}: the journal's instants are milliseconds apart, and "0
   * s" reads as no time at all. Negative durations read as {@code 0 s}.
   */
  public static String duration(Duration d) {
    if (!d.isNegative() && d.toSeconds() == 0) {
      return LESS_THAN_A_SECOND;
    }
    long s = Math.max(0, d.toSeconds());
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    if (s < 86400) {
      long minutes = s % 3600 / 60;
      return s / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
    long hours = s % 86400 / 3600;
    return s / 86400 + " d" + (hours == 0 ? "" : " " + hours + " h");
  }

  /** A commit id abbreviated to {@link #REVISION_LENGTH} characters. */
  public static String revision(String sha) {
    return sha.length() > REVISION_LENGTH ? sha.substring(0, REVISION_LENGTH) : sha;
  }
}
