package dev.opsjournal.server.report;

import dev.opsjournal.server.api.Scope;
import dev.opsjournal.server.conflict.ConflictEpisodes;
import dev.opsjournal.server.conflict.ConflictView;
import dev.opsjournal.server.drift.DriftEpisodes;
import dev.opsjournal.server.drift.DriftView;
import dev.opsjournal.server.ownership.Declarations;
import dev.opsjournal.server.ownership.Declarations.Declaration;
import dev.opsjournal.server.report.ReportRecords.FirstChange;
import dev.opsjournal.server.report.ReportRecords.Write;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.Sync;
import dev.opsjournal.server.sync.SyncRecords;
import dev.opsjournal.server.sync.SyncRecords.Lookup;
import dev.opsjournal.server.sync.SyncRecords.SyncRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The week's drifts and conflicts, as their features decided them (a conflict's start included),
 * with what the report adds: the values a drift's actor wrote, the sync that corrected it, the sync
 * behind each flip.
 */
@Component
class WeekEpisodes {

  /** The sync of an Application, in an object's cluster, running (or ending) at an instant. */
  @FunctionalInterface
  interface SyncAt {
    Sync of(String resource, String application, Instant at);
  }

  private final DriftEpisodes drifts;
  private final ConflictEpisodes conflicts;
  private final Declarations declarations;
  private final SyncRecords syncs;
  private final ReportRecords records;

  WeekEpisodes(
      DriftEpisodes drifts,
      ConflictEpisodes conflicts,
      Declarations declarations,
      SyncRecords syncs,
      ReportRecords records) {
    this.drifts = drifts;
    this.conflicts = conflicts;
    this.declarations = declarations;
    this.syncs = syncs;
    this.records = records;
  }

  /**
   * Drifts open at some time of the week, each with the values its actor wrote (its first write
   * after the start) and, once corrected in the week, the sync that corrected it (its Application's
   * last successful sync between the start and the correction).
   */
  List<Drift> drifts(Scope week) {
    List<DriftView> episodes = drifts.overlapping(week);
    List<Write> written =
        records.firstChanges(
            episodes.stream()
                .map(
                    d -> {
                      Instant corrected = week.known(d.correctedAt());
                      return new FirstChange(
                          d.resource(),
                          d.actor(),
                          d.startedAt(),
                          corrected == null ? week.end() : corrected);
                    })
                .toList());
    // the correcting sync of each drift corrected in the week: one statement for all of them
    List<Integer> corrected = new ArrayList<>();
    List<Lookup> lookups = new ArrayList<>();
    for (int i = 0; i < episodes.size(); i++) {
      DriftView d = episodes.get(i);
      if (week.known(d.correctedAt()) != null) {
        corrected.add(i);
        lookups.add(
            new Lookup(
                WeekRows.applicationKey(d.resource(), d.application()),
                d.startedAt(),
                d.correctedAt()));
      }
    }
    SyncRecord[] correcting = new SyncRecord[episodes.size()];
    List<SyncRecord> found = syncs.lastSucceeded(lookups);
    for (int j = 0; j < corrected.size(); j++) {
      correcting[corrected.get(j)] = found.get(j);
    }
    List<Drift> drifts = new ArrayList<>();
    for (int i = 0; i < episodes.size(); i++) {
      DriftView d = episodes.get(i);
      boolean ended = week.known(d.correctedAt()) != null;
      drifts.add(
          new Drift(
              d.resource(),
              d.application(),
              d.evidence(),
              d.actor(),
              d.fields(),
              written(written.get(i), d.fields()),
              d.startedAt(),
              ended ? d.correctedAt() : null,
              ended ? d.correction() : null,
              ended ? d.correctedBy() : null,
              correcting[i] == null ? null : WeekRows.sync(correcting[i], week)));
    }
    return WeekRows.sortedByStartThenObject(drifts, Drift::startedAt, Drift::resource);
  }

  /** Of the values the drift's actor wrote, those of the drifted fields. */
  private static Map<String, String> written(Write write, List<String> fields) {
    Map<String, String> written = new TreeMap<>(Comparator.comparing(WeekData::fieldOrder));
    if (write != null) {
      write
          .desired()
          .forEach(
              (field, value) -> {
                if (fields.contains(field)) {
                  written.put(field, value);
                }
              });
    }
    return written;
  }

  /**
   * Conflicts open at some time of the week, each with its flips to the week's end and the
   * Applications declaring the object then.
   */
  List<Conflict> conflicts(Scope week, SyncAt syncAt) {
    Map<String, List<ConflictEpisodes.Flip>> flipsByEpisode = new LinkedHashMap<>();
    conflicts
        .flipsOf(week)
        .forEach(
            f ->
                flipsByEpisode
                    .computeIfAbsent(f.resource() + "#" + f.episode(), k -> new ArrayList<>())
                    .add(f));
    List<ConflictView> episodes = conflicts.overlapping(week);
    Map<String, List<Declaration>> declared = new LinkedHashMap<>();
    declarations
        .of(episodes.stream().map(ConflictView::resource).distinct().toList())
        .forEach(d -> declared.computeIfAbsent(d.resource(), k -> new ArrayList<>()).add(d));
    List<Conflict> found = new ArrayList<>();
    for (ConflictView c : episodes) {
      List<Flip> allFlips =
          flipsByEpisode.getOrDefault(c.resource() + "#" + c.episode(), List.of()).stream()
              .map(
                  f ->
                      new Flip(
                          f.number(),
                          f.from(),
                          f.to(),
                          f.at(),
                          syncAt.of(c.resource(), f.to(), f.at())))
              .toList();
      List<Flip> flips = allFlips.stream().filter(f -> f.at().isBefore(week.end())).toList();
      boolean ended = week.known(c.endedAt()) != null;
      String holder =
          !flips.isEmpty()
              ? flips.get(flips.size() - 1).to()
              : !allFlips.isEmpty() ? allFlips.get(0).from() : c.holder();
      found.add(
          new Conflict(
              c.resource(),
              c.applications().stream().sorted().toList(),
              c.startedAt(),
              week.known(c.loopDetectedAt()),
              ended ? c.endedAt() : null,
              ended ? c.winner() : null,
              holder,
              flips,
              declaringAtEnd(declared.getOrDefault(c.resource(), List.of()), week.end())));
    }
    return WeekRows.sortedByStartThenObject(found, Conflict::startedAt, Conflict::resource);
  }

  private static List<String> declaringAtEnd(List<Declaration> declarations, Instant end) {
    return declarations.stream()
        .filter(d -> d.from().isBefore(end))
        .filter(d -> d.to() == null || !d.to().isBefore(end))
        .map(Declaration::application)
        .distinct()
        .sorted()
        .toList();
  }
}
