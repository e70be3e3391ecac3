package dev.opsjournal.server.report;

import dev.opsjournal.server.report.WeekData.Flip;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How each side of a fight took the objects back after losing them. A side that answers at once is
 * steady; one that waits longer each time is backing off, as Argo CD's self-heal does (3 s, then
 * doubling, up to 5 min); any other side's waits just vary.
 */
final class FlipPattern {

  /** Waits that differ by no more than this are the same wait: observations land within 1 s. */
  private static final Duration SAME_WAIT = Duration.ofSeconds(1);

  /** Fewer changes of hands than this show no pattern worth telling. */
  private static final int FLIPS_FOR_A_PATTERN = 5;

  enum Kind {
    /** Took the objects back after the same wait every time. */
    STEADY,
    /** Waited at least as long each time as the time before. */
    BACKOFF,
    /** Waited longer and shorter by turns. */
    VARYING
  }

  /**
   * @param application the side that took the objects back
   * @param shortest its shortest wait
   * @param longest its longest wait
   * @param bySelfHeal whether every take-back after the first change of hands was a self-heal
   */
  record Recovery(
      String application, Kind kind, Duration shortest, Duration longest, boolean bySelfHeal) {}

  private FlipPattern() {}

  /**
   * Each side's recovery, the quicker side first; empty unless exactly two sides fought and changed
   * hands at least {@value #FLIPS_FOR_A_PATTERN} times.
   */
  static Optional<List<Recovery>> of(List<Flip> flips) {
    Set<String> contenders = flips.stream().map(Flip::to).collect(Collectors.toSet());
    if (contenders.size() != 2 || flips.size() < FLIPS_FOR_A_PATTERN) {
      return Optional.empty();
    }
    Map<String, List<Duration>> waits = new TreeMap<>();
    for (int i = 1; i < flips.size(); i++) {
      waits
          .computeIfAbsent(flips.get(i).to(), k -> new ArrayList<>())
          .add(Duration.between(flips.get(i - 1).at(), flips.get(i).at()));
    }
    List<Recovery> recoveries = new ArrayList<>();
    waits.entrySet().stream()
        .sorted(Comparator.comparing(e -> longest(e.getValue())))
        .forEach(e -> recoveries.add(recovery(e.getKey(), e.getValue(), flips)));
    return Optional.of(recoveries);
  }

  private static Recovery recovery(String application, List<Duration> waits, List<Flip> flips) {
    Duration shortest = waits.stream().min(Duration::compareTo).orElseThrow();
    Duration longest = longest(waits);
    boolean growing = true;
    for (int i = 1; i < waits.size(); i++) {
      growing &= waits.get(i).compareTo(waits.get(i - 1)) >= 0;
    }
    Kind kind =
        longest.minus(shortest).compareTo(SAME_WAIT) <= 0
            ? Kind.STEADY
            : growing ? Kind.BACKOFF : Kind.VARYING;
    boolean bySelfHeal =
        flips.stream()
            .filter(f -> f.to().equals(application) && f.number() > 1)
            .allMatch(f -> f.by() != null && f.by().selfHeal());
    return new Recovery(application, kind, shortest, longest, bySelfHeal);
  }

  private static Duration longest(List<Duration> durations) {
    return durations.stream().max(Duration::compareTo).orElseThrow();
  }
}
