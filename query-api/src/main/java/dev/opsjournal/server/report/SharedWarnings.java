package dev.opsjournal.server.report;

import dev.opsjournal.server.report.WeekData.Condition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The SharedResourceWarnings of one fight, told once. Argo CD raises one per shared object on the
 * Application that does not hold it, naming itself first, so two Applications fighting over two
 * objects show four messages that differ only in the object and the order of the names: the journal
 * quotes the first raised and counts the others, rather than repeating the sentence.
 *
 * @param applications the Applications that showed it, by name
 * @param from when the first was raised
 * @param first the first message raised (ties: the first given)
 * @param others how many other distinct messages there were
 */
record SharedWarnings(List<String> applications, Instant from, String first, int others) {

  /** The warnings among {@code conditions}, grouped; empty when there are none. */
  static Optional<SharedWarnings> of(List<Condition> conditions) {
    if (conditions.isEmpty()) {
      return Optional.empty();
    }
    Condition first =
        conditions.stream().min(Comparator.comparing(Condition::raisedAt)).orElseThrow();
    return Optional.of(
        new SharedWarnings(
            conditions.stream().map(Condition::application).distinct().sorted().toList(),
            first.raisedAt(),
            first.message(),
            (int) conditions.stream().map(Condition::message).distinct().count() - 1));
  }
}
