package dev.opsjournal.server.report;

import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Flip;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One fight: the conflicts between the same Applications that started together, told as one story
 * (a Deployment and its Service fought over by two Applications are one conflict to a reader).
 *
 * @param applications the Applications fighting, as each conflict lists them
 * @param startedAt when they started declaring the same objects
 * @param conflicts one per object fought over, in the order the week lists them
 */
record ConflictGroup(List<String> applications, Instant startedAt, List<Conflict> conflicts) {

  /** The condition Argo CD raises on Applications that declare the same object. */
  static final String SHARED_RESOURCE_WARNING = "SharedResourceWarning";

  /** The week's conflicts as fights, in the order of each fight's first conflict. */
  static List<ConflictGroup> of(List<Conflict> conflicts) {
    Map<String, ConflictGroup> groups = new LinkedHashMap<>();
    for (Conflict c : conflicts) {
      groups
          .computeIfAbsent(
              c.applications() + "@" + c.startedAt(),
              k -> new ConflictGroup(c.applications(), c.startedAt(), new ArrayList<>()))
          .conflicts()
          .add(c);
    }
    return List.copyOf(groups.values());
  }

  /** Whether {@code c} is Argo CD's warning about this fight, on one of its Applications. */
  boolean warnedBy(Condition c) {
    return c.type().equals(SHARED_RESOURCE_WARNING) && applications.contains(c.application());
  }

  /**
   * Whether every object changed hands alike since {@code from}: as often, last at the same time,
   * with a loop detected at the same time. Then one sentence tells them all.
   */
  boolean changedHandsAlike(Instant from) {
    return conflicts.stream()
            .map(
                c ->
                    List.of(
                        c.flips().stream().filter(f -> !f.at().isBefore(from)).count(),
                        Objects.toString(lastFlipAt(c)),
                        Objects.toString(c.loopDetectedAt())))
            .distinct()
            .count()
        == 1;
  }

  /** The one Application holding every object of {@code conflicts}, if there is one. */
  static Optional<String> commonHolder(List<Conflict> conflicts) {
    Set<String> holders = conflicts.stream().map(Conflict::holder).collect(Collectors.toSet());
    return holders.size() == 1 && !holders.iterator().next().isEmpty()
        ? Optional.of(holders.iterator().next())
        : Optional.empty();
  }

  /** Whether a tenure starting at {@code at} is one of a conflict's changes of hands. */
  static boolean contested(Conflict c, Instant at) {
    List<Flip> flips = c.flips();
    return !flips.isEmpty()
        && !at.isBefore(flips.get(0).at())
        && !at.isAfter(flips.get(flips.size() - 1).at());
  }

  /** When the object last changed hands, or null if it never did. */
  static Instant lastFlipAt(Conflict c) {
    return c.flips().isEmpty() ? null : c.flips().get(c.flips().size() - 1).at();
  }
}
