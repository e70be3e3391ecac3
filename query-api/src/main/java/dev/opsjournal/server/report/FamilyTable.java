package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.code;
import static dev.opsjournal.server.report.Prose.count;
import static dev.opsjournal.server.report.Prose.format;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Prose.joinCapped;
import static dev.opsjournal.server.report.ReportLimits.TABLE_ROWS;
import static dev.opsjournal.server.report.Terms.cluster;
import static dev.opsjournal.server.report.Terms.destinationKey;
import static dev.opsjournal.server.report.Terms.failed;
import static dev.opsjournal.server.report.Terms.sha;
import static dev.opsjournal.server.report.Terms.syncKind;
import static dev.opsjournal.server.report.Terms.values;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.report.WeekData.Deployed;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Sync;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One family's table under "Environment differences": a column per member, a row per object or
 * desired field, and a sentence on the fields that differ and those that are the same.
 */
final class FamilyTable extends Section {

  private final List<Environment> family;
  private final List<Row> rows = new ArrayList<>();
  private final List<String> differ = new ArrayList<>();
  private final List<String> same = new ArrayList<>();

  /**
   * @param family the Applications of one {@link Families family}, two or more
   */
  FamilyTable(Week week, Markdown out, List<Environment> family) {
    super(week, out);
    this.family = family;
  }

  /**
   * An object's key without its cluster, and without its namespace when it is {@code namespace}.
   */
  private static String relative(String resource, String namespace) {
    ResourceKey key = ResourceKey.parse(resource);
    return Names.ANY_CLUSTER
        + "/"
        + key.group()
        + "/"
        + key.kind()
        + "/"
        + (key.namespace().equals(namespace) ? "" : key.namespace())
        + "/"
        + key.name();
  }

  /** One row of a family's table: an object, or one of its fields, and each member's value. */
  private record Row(String resource, String path, List<String> cells, boolean differs) {}

  @Override
  void write() {
    compare(deployed(family));
    table();
    summary();
  }

  /**
   * Per object and field, the values each member deployed (by the member's index), with the field
   * {@code ""} for the object itself: as many entries as members deployed it.
   */
  static Map<String, Map<String, Map<Integer, List<String>>>> deployed(List<Environment> family) {
    // environments in different places deploy the same objects there: when the members'
    // destinations differ, an object is its kind and name (and its namespace only when it is not
    // the member's destination namespace)
    boolean onePlace = family.stream().map(e -> destinationKey(e.spec())).distinct().count() == 1;
    Map<String, Map<String, Map<Integer, List<String>>>> byObject =
        new TreeMap<>(WeekData.BY_OBJECT);
    for (int i = 0; i < family.size(); i++) {
      String namespace = family.get(i).spec().destinationNamespace();
      for (Deployed d : family.get(i).deployed()) {
        String row = onePlace ? d.resource() : relative(d.resource(), namespace);
        Map<String, Map<Integer, List<String>>> fields =
            byObject.computeIfAbsent(
                row, k -> new TreeMap<>(Comparator.comparing(WeekData::fieldOrder)));
        fields.computeIfAbsent("", k -> new TreeMap<>()).put(i, List.of());
        for (Map.Entry<String, List<String>> v : d.values().entrySet()) {
          if (!v.getValue().isEmpty()) {
            fields.computeIfAbsent(v.getKey(), k -> new TreeMap<>()).put(i, v.getValue());
          }
        }
      }
    }
    return byObject;
  }

  /** A row per object or field, and the fields every member has alike or not. */
  private void compare(Map<String, Map<String, Map<Integer, List<String>>>> byObject) {
    boolean qualify = byObject.values().stream().filter(f -> f.size() > 1).count() > 1;
    byObject.forEach(
        (resource, fields) -> {
          if (fields.size() == 1) {
            Map<Integer, List<String>> present = fields.get("");
            List<String> cells = new ArrayList<>();
            cells.add(object(resource));
            for (int i = 0; i < family.size(); i++) {
              cells.add(present.containsKey(i) ? "deployed" : "—");
            }
            rows.add(new Row(resource, "", cells, present.size() < family.size()));
            return;
          }
          fields.forEach(
              (path, byMember) -> {
                if (path.isEmpty()) {
                  return;
                }
                List<String> cells = new ArrayList<>();
                cells.add(object(resource) + " " + week.names.fieldLabel(path));
                for (int i = 0; i < family.size(); i++) {
                  List<String> v = byMember.get(i);
                  cells.add(v == null ? "—" : values(v));
                }
                boolean alike = new HashSet<>(byMember.values()).size() == 1;
                rows.add(new Row(resource, path, cells, byMember.size() < family.size() || !alike));
                if (byMember.size() < 2) {
                  return;
                }
                String label =
                    (qualify ? object(resource) + " " : "") + week.names.fieldLabel(path);
                if (alike) {
                  same.add(label + " (" + values(byMember.values().iterator().next()) + ")");
                } else {
                  differ.add(
                      label
                          + " ("
                          + byMember.entrySet().stream()
                              .map(
                                  v ->
                                      app(family.get(v.getKey()).spec().application())
                                          + " "
                                          + values(v.getValue()))
                              .collect(Collectors.joining(", "))
                          + ")");
                }
              });
        });
  }

  /** The header, the rows of source, destination and revisions, then the objects' rows. */
  private void table() {
    List<String> header = new ArrayList<>();
    header.add("");
    family.forEach(e -> header.add(app(e.spec().application())));
    boolean oneCluster =
        family.stream()
                .map(e -> e.spec().destinationServer() + "|" + e.spec().destinationName())
                .distinct()
                .count()
            == 1;
    row(header);
    row(header.stream().map(h -> "---").toList());
    row(cells("source path", family, e -> code(e.spec().path())));
    row(
        cells(
            "destination",
            family,
            e ->
                "namespace "
                    + code(e.spec().destinationNamespace())
                    + (oneCluster ? "" : " on " + code(cluster(e.spec())))));
    row(cells("revisions synced", family, e -> revisions(e, week.names)));
    List<Row> shown = rows;
    if (rows.size() > TABLE_ROWS) {
      shown = rows.stream().filter(Row::differs).limit(TABLE_ROWS).toList();
    }
    shown.forEach(r -> row(r.cells()));
    if (shown.size() < rows.size()) {
      long differing = rows.stream().filter(Row::differs).count();
      long identical = rows.size() - differing;
      List<String> left = new ArrayList<>();
      if (identical > 0) {
        left.add(
            format(identical)
                + (identical == 1 ? " row" : " rows")
                + " where every Application deployed the same");
      }
      if (differing > shown.size()) {
        left.add(format(differing - shown.size()) + " more that differ");
      }
      line();
      line(
          "The table shows "
              + format(shown.size())
              + " of its "
              + format(rows.size())
              + " rows; left out: "
              + join(left)
              + ".");
    }
  }

  /** The fields that differ between the members, and those they have alike. */
  private void summary() {
    if (!differ.isEmpty() || !same.isEmpty()) {
      String all = family.size() == 2 ? "both" : "all";
      line();
      if (differ.isEmpty()) {
        line("The environments have the same " + joinCapped(same, "more fields") + ".");
      } else {
        line(
            "The environments differ in "
                + joinCapped(differ, "more fields")
                + (same.isEmpty()
                    ? ""
                    : "; " + all + " have the same " + joinCapped(same, "more fields"))
                + ".");
      }
    }
  }

  /**
   * The revisions an Application synced in the week, and how: `0123456`: auto-sync Mon 10:05:05, 2
   * self-heals.
   */
  static String revisions(Environment e, Names names) {
    Map<String, List<Sync>> byRevision = new LinkedHashMap<>();
    e.syncs().forEach(s -> byRevision.computeIfAbsent(s.revision(), k -> new ArrayList<>()).add(s));
    List<String> parts = new ArrayList<>();
    if (!e.revisionAtStart().isEmpty() && !byRevision.containsKey(e.revisionAtStart())) {
      parts.add(sha(e.revisionAtStart()) + " (since before the week)");
    }
    byRevision.forEach(
        (revision, syncs) -> {
          List<String> what = new ArrayList<>();
          long heals = 0;
          long failed = 0;
          for (Sync s : syncs) {
            if (failed(s)) {
              failed++;
            } else if (s.selfHeal()) {
              heals++;
            } else {
              what.add(
                  syncKind(s)
                      + " "
                      + (s.finishedAt() == null
                          ? "running at the end of the week"
                          : names.time(s.finishedAt())));
            }
          }
          if (heals > 0) {
            what.add(count(heals, "self-heal"));
          }
          if (failed > 0) {
            what.add(failed + " failed");
          }
          parts.add(sha(revision) + ": " + String.join(", ", what));
        });
    return parts.isEmpty() ? "—" : String.join("; ", parts);
  }

  private static List<String> cells(
      String label, List<Environment> environments, Function<Environment, String> cell) {
    List<String> cells = new ArrayList<>();
    cells.add(label);
    environments.forEach(e -> cells.add(cell.apply(e)));
    return cells;
  }
}
