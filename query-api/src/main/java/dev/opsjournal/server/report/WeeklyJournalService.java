package dev.opsjournal.server.report;

import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * The weekly journal: reads a week from the read models and renders it. Refuses weeks that have not
 * begun by the server's wall clock (the only use of it: the journal's own clock is observation
 * time).
 */
@Service
class WeeklyJournalService {

  private final WeekQuery query;
  private final Clock clock;

  WeeklyJournalService(WeekQuery query, Clock clock) {
    this.query = query;
    this.clock = clock;
  }

  /**
   * Reads {@code YYYY-Www} and checks that the week has begun.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  IsoWeek week(String text) {
    IsoWeek week = IsoWeek.parse(text);
    if (week.start().isAfter(clock.instant())) {
      throw new IllegalArgumentException(
          week + " has not begun yet (it begins on " + week.monday() + ")");
    }
    return week;
  }

  String render(IsoWeek week, String cluster) {
    return WeeklyJournal.render(query.find(week, cluster));
  }
}
