package dev.opsjournal.server.report;

import dev.opsjournal.core.application.People;
import dev.opsjournal.core.application.People.Action;
import dev.opsjournal.server.report.ReportRecords.Act;
import dev.opsjournal.server.report.ReportRecords.ApplicationEvent;
import dev.opsjournal.server.report.WeekData.ApplicationChange;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which person's act, named by an Argo CD Event, made an Application's registration, change or
 * deletion. argocd-server writes the Event as it acts, within the second of the change the watch
 * saw: the act of that kind nearest the change, within {@link #NEAR}, is the one. No such Event
 * (switched off, expired after its hour) leaves the change unattributed, as before.
 */
final class ApplicationActs {

  /** How far apart an act's Event and the change it made may be observed. */
  static final Duration NEAR = Duration.ofMinutes(1);

  private final Map<String, List<Act>> byKey;

  ApplicationActs(List<Act> acts) {
    this.byKey = acts.stream().collect(Collectors.groupingBy(Act::key));
  }

  /** The change, with who made it when an act names them. */
  ApplicationChange change(ApplicationEvent e) {
    Action action =
        switch (e.kind()) {
          case ReportProjection.REGISTERED -> Action.CREATED;
          case ReportProjection.DELETED -> Action.DELETED;
          default -> Action.UPDATED;
        };
    String told =
        byKey.getOrDefault(e.key(), List.of()).stream()
            .filter(a -> a.action().equals(action.name()))
            .filter(a -> Duration.between(a.at(), e.at()).abs().compareTo(NEAR) <= 0)
            .min(Comparator.comparing(a -> Duration.between(a.at(), e.at()).abs()))
            .map(
                a ->
                    action.said(
                        People.name(a.actor(), a.tool()),
                        action == Action.DELETED ? "it" : "the Application"))
            .orElse(null);
    return new ApplicationChange(e.at(), e.kind(), e.spec(), told);
  }
}
