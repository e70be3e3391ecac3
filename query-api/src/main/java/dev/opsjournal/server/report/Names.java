package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.code;

import dev.opsjournal.core.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

/**
 * How one week's journal names things, which depends on the week: Applications by name alone unless
 * two namespaces hold the same name, objects with their cluster only when the week covers several,
 * images with their container only when there are several, times with their date only outside the
 * week.
 */
final class Names {

  /** The cluster of an object key that stands for the same object in every cluster. */
  static final String ANY_CLUSTER = "*";

  private static final DateTimeFormatter IN_WEEK =
      DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter OUTSIDE_WEEK =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Instant start;
  private final Instant end;
  private final Map<String, String> applicationLabels;
  private final boolean severalClusters;
  private final boolean severalContainers;

  Names(WeekData data) {
    this.start = data.week().start();
    this.end = data.week().end();
    this.applicationLabels = applicationLabels(data);
    this.severalClusters = clusters(data).size() > 1;
    this.severalContainers = containers(data).size() > 1;
  }

  /** {@code Tue 11:00:04} within the week; with the date outside it. */
  String time(Instant instant) {
    if (instant == null) {
      return "the end of the week";
    }
    boolean inWeek = !instant.isBefore(start) && instant.isBefore(end);
    return (inWeek ? IN_WEEK : OUTSIDE_WEEK).format(instant);
  }

  /** {@code Thu 10:00:00 – Thu 10:30:00 (30 min)}, or open to the end of the week. */
  String window(Instant from, Instant to) {
    return to == null
        ? "from " + time(from) + " to the end of the week"
        : time(from) + " – " + time(to) + " (" + Prose.duration(Duration.between(from, to)) + ")";
  }

  String app(String application) {
    return applicationLabels.getOrDefault(application, application);
  }

  List<String> apps(Collection<String> applications) {
    return applications.stream().map(this::app).toList();
  }

  /** {@code Kind `namespace/name`}, with the cluster when the week covers several. */
  String object(String resource) {
    ResourceKey key = ResourceKey.parse(resource);
    return key.kind()
        + " "
        + code(
            (severalClusters && !key.cluster().equals(ANY_CLUSTER) ? key.cluster() + ":" : "")
                + key.namespacedName());
  }

  /** A desired field as a table row names it: {@code replicas}, {@code image}. */
  String fieldLabel(String path) {
    if (path.equals("spec.replicas")) {
      return "replicas";
    }
    Matcher image = Terms.CONTAINER_IMAGE.matcher(path);
    if (image.matches()) {
      return severalContainers ? "image of " + code(image.group(1)) : "image";
    }
    return code(path);
  }

  /** Applications by name alone, unless two namespaces hold the same name. */
  private static Map<String, String> applicationLabels(WeekData data) {
    Set<String> all = new TreeSet<>();
    data.start().applications().forEach(s -> all.add(s.application()));
    data.start().holdings().forEach(t -> all.add(t.application()));
    data.applicationChanges().forEach(c -> all.add(c.spec().application()));
    data.environments().forEach(e -> all.add(e.spec().application()));
    data.objects().forEach(o -> o.tenures().forEach(t -> all.add(t.application())));
    data.drifts().forEach(d -> all.add(d.application()));
    data.conflicts().forEach(c -> all.addAll(c.applications()));
    data.conditions().forEach(c -> all.add(c.application()));
    data.statusAtEnd().forEach(s -> all.add(s.application()));
    data.commits().forEach(c -> all.addAll(c.affectedApplications()));
    Map<String, Long> names =
        all.stream().collect(Collectors.groupingBy(Names::name, Collectors.counting()));
    Map<String, String> labels = new TreeMap<>();
    all.forEach(a -> labels.put(a, names.get(name(a)) == 1 ? name(a) : a));
    return labels;
  }

  private static String name(String application) {
    return application.substring(application.indexOf('/') + 1);
  }

  private static Set<String> clusters(WeekData data) {
    Set<String> clusters = new TreeSet<>();
    data.objects().forEach(o -> clusters.add(ResourceKey.parse(o.resource()).cluster()));
    data.drifts().forEach(d -> clusters.add(ResourceKey.parse(d.resource()).cluster()));
    data.conflicts().forEach(c -> clusters.add(ResourceKey.parse(c.resource()).cluster()));
    return clusters;
  }

  private static Set<String> containers(WeekData data) {
    Set<String> containers = new TreeSet<>();
    data.environments().stream()
        .flatMap(e -> e.deployed().stream())
        .flatMap(d -> d.values().keySet().stream())
        .map(Terms.CONTAINER_IMAGE::matcher)
        .filter(Matcher::matches)
        .forEach(m -> containers.add(m.group(1)));
    return containers;
  }
}
