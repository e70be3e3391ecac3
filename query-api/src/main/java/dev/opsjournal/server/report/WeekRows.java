package dev.opsjournal.server.report;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.report.WeekData.Sync;
import dev.opsjournal.server.sync.SyncRecords.SyncRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** How the week's gathering turns the features' views into {@link WeekData}'s records. */
final class WeekRows {

  private WeekRows() {}

  /** A sync as the week saw it: one that had not finished by the week's end is still running. */
  static Sync sync(SyncRecord s, Scope week) {
    boolean endedInWeek = week.known(s.finishedAt()) != null;
    return new Sync(
        ReportRecords.applicationName(s.applicationKey()),
        s.revision(),
        s.initiatedBy(),
        s.automated(),
        s.partial(),
        endedInWeek ? s.phase() : "Running",
        endedInWeek ? s.message() : "",
        s.startedAt(),
        endedInWeek ? s.finishedAt() : null);
  }

  /** The key of Application {@code namespace/name} in the cluster of {@code resource}. */
  static String applicationKey(String resource, String application) {
    int slash = application.indexOf('/');
    return ResourceKey.application(
            ResourceKey.parse(resource).cluster(),
            slash < 0 ? "" : application.substring(0, slash),
            application.substring(slash + 1))
        .toString();
  }

  static <T> List<T> sortedByStartThenObject(
      List<T> items, Function<T, Instant> start, Function<T, String> resource) {
    return items.stream()
        .sorted(Comparator.comparing(start).thenComparing(resource, WeekData.BY_OBJECT))
        .toList();
  }
}
