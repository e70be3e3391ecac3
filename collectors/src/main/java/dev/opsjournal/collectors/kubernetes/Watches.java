package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What one term watches: Applications, each tracked kind, and Events, each with its mapping. */
final class Watches {

  private static final Logger log = LoggerFactory.getLogger(Watches.class);

  static final TrackedKind APPLICATIONS =
      new TrackedKind("argoproj.io", "v1alpha1", "Application", "applications", true);
  static final TrackedKind CORE_EVENTS = new TrackedKind("", "v1", "Event", "events", true);
  static final TrackedKind EVENTS_API_EVENTS =
      new TrackedKind("events.k8s.io", "v1", "Event", "events", true);

  private Watches() {}

  /** Builds the watches of one term (their informers are not started yet). */
  static List<Watch> of(
      Term owner,
      KubernetesClient client,
      KubernetesCollectorProperties properties,
      ObjectMapping.Mappings mappings) {
    long resync = properties.resyncPeriod().toMillis();
    List<Watch> watches = new ArrayList<>();
    watches.add(
        new Watch(
            owner,
            client,
            resync,
            "Applications",
            APPLICATIONS.group(),
            APPLICATIONS.kind(),
            properties.applicationNamespaces(),
            List.of(APPLICATIONS),
            mappings.applications()));
    for (TrackedKind kind : properties.trackedKinds()) {
      if (kind.group().equals(APPLICATIONS.group()) && kind.kind().equals(APPLICATIONS.kind())) {
        log.warn("Applications are always watched; ignoring them as a tracked kind");
        continue;
      }
      watches.add(
          new Watch(
              owner,
              client,
              resync,
              kind.kind() + (kind.group().isEmpty() ? "" : "." + kind.group()),
              kind.group(),
              kind.kind(),
              kind.namespaced() ? properties.namespaces() : List.of(),
              List.of(kind),
              mappings.trackedKind(kind)));
    }
    watches.add(
        new Watch(
            owner,
            client,
            resync,
            "Events",
            "",
            "Event",
            eventNamespaces(properties),
            List.of(CORE_EVENTS, EVENTS_API_EVENTS),
            mappings.events()));
    return watches;
  }

  /** The APIs each watched kind is listed from, by kind: Events from both of theirs. */
  static Map<String, List<TrackedKind>> apisByKind(KubernetesCollectorProperties properties) {
    Map<String, List<TrackedKind>> apis = new LinkedHashMap<>();
    apis.put(APPLICATIONS.kind(), List.of(APPLICATIONS));
    for (TrackedKind kind : properties.trackedKinds()) {
      if (!(kind.group().equals(APPLICATIONS.group()) && kind.kind().equals(APPLICATIONS.kind()))) {
        apis.computeIfAbsent(kind.kind(), k -> new ArrayList<>()).add(kind);
      }
    }
    apis.put(CORE_EVENTS.kind(), List.of(CORE_EVENTS, EVENTS_API_EVENTS));
    return apis;
  }

  /** Events regard Applications as well as tracked objects: watched where either is watched. */
  static List<String> eventNamespaces(KubernetesCollectorProperties properties) {
    if (properties.namespaces().isEmpty() || properties.applicationNamespaces().isEmpty()) {
      return List.of();
    }
    LinkedHashSet<String> both = new LinkedHashSet<>(properties.namespaces());
    both.addAll(properties.applicationNamespaces());
    return List.copyOf(both);
  }
}
