package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.code;
import static dev.opsjournal.server.report.Prose.capitalise;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Terms.destinationKey;

import dev.opsjournal.core.observation.HealthStatus;
import dev.opsjournal.core.observation.SyncStatus;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** "Open items": what is still open at the end of the week. */
final class OpenItems extends Section {

  OpenItems(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Open items");
    List<String> items = new ArrayList<>();
    conflicts(items);
    drifts(items);
    outages(items);
    unsettledApplications(items);
    conditions(items);
    if (items.isEmpty()) {
      line("Nothing open at the end of the week.");
      return;
    }
    items.forEach(i -> line("- " + i + "."));
  }

  /** Each fight with objects still contested, who holds them, and whether they share a place. */
  private void conflicts(List<String> items) {
    for (ConflictGroup g : week.fights) {
      List<Conflict> open = g.conflicts().stream().filter(c -> c.endedAt() == null).toList();
      if (open.isEmpty()) {
        continue;
      }
      String them = open.size() > 1 ? "them" : "it";
      StringBuilder s =
          new StringBuilder(bold("Conflict"))
              .append(" between ")
              .append(join(apps(g.applications())))
              .append(" over ")
              .append(join(open.stream().map(c -> object(c.resource())).toList()))
              .append(", open since ")
              .append(time(g.startedAt()));
      ConflictGroup.commonHolder(open)
          .ifPresent(h -> s.append(": ").append(app(h)).append(" holds ").append(them));
      sameDestination(g.applications())
          .ifPresent(
              namespace ->
                  s.append(". ")
                      .append(g.applications().size() == 2 ? "Both" : "All")
                      .append(" deploy to namespace ")
                      .append(code(namespace))
                      .append(" of the same cluster"));
      items.add(s.toString());
    }
  }

  private void drifts(List<String> items) {
    for (Drift d : data.drifts()) {
      if (d.correctedAt() == null) {
        items.add(
            bold("Drift")
                + " on "
                + object(d.resource())
                + " of "
                + app(d.application())
                + ", open since "
                + time(d.startedAt())
                + ": "
                + Drifts.whatHappened(d, week.names));
      }
    }
  }

  private void outages(List<String> items) {
    for (Outage o : data.outages()) {
      if (o.endedAt() == null) {
        items.add(bold(capitalise(OutageEffects.name(o))) + " since " + time(o.startedAt()));
      }
    }
  }

  /** Applications not Synced and Healthy, and whom they lost their objects to. */
  private void unsettledApplications(List<String> items) {
    for (Status status : unsettled(data.statusAtEnd())) {
      List<String> holders = holdersAgainst(status.application());
      items.add(
          bold(app(status.application()))
              + " has been "
              + status.syncStatus()
              + (status.health().isEmpty() ? "" : " and " + status.health())
              + " since "
              + time(status.since())
              + (holders.isEmpty() ? "" : ": it lost its objects to " + join(apps(holders))));
    }
  }

  /** Conditions still raised, by type. */
  private void conditions(List<String> items) {
    Map<String, List<Condition>> raised = new LinkedHashMap<>();
    data.conditions().stream()
        .filter(c -> c.clearedAt() == null)
        .forEach(c -> raised.computeIfAbsent(c.type(), k -> new ArrayList<>()).add(c));
    raised.forEach(
        (type, conditions) ->
            items.add(
                bold(type)
                    + " still raised on "
                    + join(
                        apps(
                            conditions.stream()
                                .map(Condition::application)
                                .distinct()
                                .sorted()
                                .toList()))
                    + (conditions.stream().allMatch(week::isConflictWarning)
                        ? ", because of the conflict"
                        : "")));
  }

  /** The Applications holding objects that {@code application} still declares in open conflicts. */
  private List<String> holdersAgainst(String application) {
    return data.conflicts().stream()
        .filter(c -> c.endedAt() == null && c.declaringAtEnd().contains(application))
        .map(Conflict::holder)
        .filter(h -> !h.isEmpty() && !h.equals(application))
        .distinct()
        .sorted()
        .toList();
  }

  private Optional<String> sameDestination(List<String> applications) {
    List<Optional<Spec>> specs =
        applications.stream()
            .map(a -> week.specs().filter(s -> s.application().equals(a)).reduce((x, y) -> y))
            .toList();
    if (specs.stream().anyMatch(Optional::isEmpty)) {
      return Optional.empty();
    }
    Set<String> destinations =
        specs.stream().map(s -> destinationKey(s.get())).collect(Collectors.toSet());
    return destinations.size() == 1
        ? Optional.of(specs.get(0).get().destinationNamespace())
        : Optional.empty();
  }

  /** Applications not Synced and Healthy at the week's end. */
  static List<Status> unsettled(List<Status> statusAtEnd) {
    return statusAtEnd.stream()
        .filter(s -> !s.syncStatus().isEmpty())
        .filter(
            s ->
                SyncStatus.of(s.syncStatus()) != SyncStatus.SYNCED
                    || !(s.health().isEmpty()
                        || HealthStatus.of(s.health()) == HealthStatus.HEALTHY))
        .toList();
  }
}
