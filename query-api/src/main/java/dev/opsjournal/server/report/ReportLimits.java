package dev.opsjournal.server.report;

import java.time.Duration;

/**
 * Every size cap of the weekly journal, in one place: a week of 20,000 objects must still read as a
 * journal, so past each cap the journal names the first few and counts the rest.
 */
final class ReportLimits {

  /** Every object has its ownership line up to this many; beyond, only the eventful ones do. */
  static final int OBJECT_LINES = 50;

  /** Eventful objects given a line past {@link #OBJECT_LINES}: the rest are in their timelines. */
  static final int EVENTFUL_LINES = 100;

  /** Objects the chart shows at most: more sections than this no longer read as a chart. */
  static final int CHART_OBJECTS = 30;

  /** Drifts the chart shows at most, the longest first: they are the ones a reader looks for. */
  static final int CHART_DRIFTS = 30;

  /** Application changes introduced with a line each; the rest are counted by kind. */
  static final int INTRODUCED_LINES = 50;

  /** A family's table shows every row up to this many; beyond it, only the rows that differ. */
  static final int TABLE_ROWS = 50;

  /** Lone Applications are one line each up to this many; beyond it, one line for them all. */
  static final int LONE_LINES = 20;

  /** Items a sentence lists before it says how many more there are. */
  static final int LISTED = 10;

  /** Shorter windows are drawn as milestones: a bar of minutes does not show on a week. */
  static final Duration VISIBLE_BAR = Duration.ofHours(1);

  private ReportLimits() {}
}
