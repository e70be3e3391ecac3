package dev.opsjournal.server.report;

import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per Application key, per object it owned in the week, the desired values Argo CD's syncs put
 * there while it owned it, each field's values in the order they were deployed. Writes by people
 * are drift, not deployment, and never reach here.
 */
final class DeployedValues {

  private DeployedValues() {}

  /**
   * A sync's write to an object while {@code owner} held it.
   *
   * @param at when it was in force: the write's time, or when the tenure (or week) began for the
   *     values already there
   */
  record OwnedWrite(String resource, Instant at, String owner, Map<String, String> desired) {}

  /**
   * @param tenures the week's tenures: every object an Application owned was deployed by it,
   *     whether or not values are known
   * @param writes the values in force when each tenure began, then the week's writes; among writes
   *     of one object at one instant, those given first were deployed first
   */
  static Map<String, Map<String, Map<String, List<String>>>> of(
      List<Tenure> tenures, List<OwnedWrite> writes) {
    Map<String, Map<String, Map<String, List<String>>>> byApplication = new TreeMap<>();
    tenures.forEach(t -> values(byApplication, t.resource(), t.application()));
    List<OwnedWrite> inOrder = new ArrayList<>(writes);
    inOrder.sort(Comparator.comparing(OwnedWrite::at).thenComparing(OwnedWrite::resource));
    for (OwnedWrite w : inOrder) {
      Map<String, List<String>> values = values(byApplication, w.resource(), w.owner());
      w.desired().entrySet().stream()
          .sorted(Map.Entry.comparingByKey(Comparator.comparing(WeekData::fieldOrder)))
          .forEach(
              e -> {
                List<String> seen = values.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                if (!seen.contains(e.getValue())) {
                  seen.add(e.getValue());
                }
              });
    }
    return byApplication;
  }

  private static Map<String, List<String>> values(
      Map<String, Map<String, Map<String, List<String>>>> byApplication,
      String resource,
      String application) {
    return byApplication
        .computeIfAbsent(
            WeekRows.applicationKey(resource, application), k -> new TreeMap<>(WeekData.BY_OBJECT))
        .computeIfAbsent(resource, k -> new LinkedHashMap<>());
  }
}
