package dev.opsjournal.server.simulator;

import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Application as Argo CD keeps it in the API server: spec, the requested {@code operation}, and
 * the status the controller writes. Every time in it is a {@code metav1.Time}: whole seconds.
 */
final class ApplicationDocument {

  /** A sync operation: who asked, to which revision, and (partial) for which objects. */
  record Operation(String username, String revision, List<Manifest> resources, int autoHeals) {

    boolean automated() {
      return username == null;
    }

    boolean partial() {
      return !resources.isEmpty();
    }

    String initiatedBy() {
      return automated() ? "automated" : username;
    }
  }

  /** {@code status.operationState}: the last operation only; the next one replaces it. */
  record OperationState(
      Operation operation,
      String phase,
      String message,
      Instant startedAt,
      Instant finishedAt,
      List<Manifest> applied) {}

  /** {@code status.conditions[]}: a condition keeps its time while its message stays the same. */
  record Condition(String type, String message, Instant lastTransitionTime) {}

  record HistoryEntry(
      long id, String revision, Instant deployedAt, Instant deployStartedAt, String username) {}

  final App app;
  private final Estate estate;

  /** The Helm chart of a multi-source Application; null for a single-source one. */
  private final HelmChart chart;

  String syncStatus = "";
  String revision = "";
  Map<Manifest, String> resources = new LinkedHashMap<>();
  Instant reconciledAt;
  Operation operation;
  OperationState operationState;
  final List<HistoryEntry> history = new ArrayList<>();
  List<Condition> conditions = List.of();

  ApplicationDocument(Estate estate, App app) {
    this.estate = estate;
    this.app = app;
    this.chart = estate.charts().get(app.name());
  }

  /** History keeps full syncs only, up to {@code revisionHistoryLimit} (default 10), ids on. */
  void addHistory(Operation op, Instant deployedAt, Instant startedAt) {
    long id = history.isEmpty() ? 0 : history.get(history.size() - 1).id() + 1;
    history.add(
        new HistoryEntry(
            id,
            op.revision(),
            Timeline.metav1(deployedAt),
            Timeline.metav1(startedAt),
            op.username()));
    while (history.size() > 10) {
      history.remove(0);
    }
  }

  GenericKubernetesResource toObject() {
    GenericKubernetesResource object = new GenericKubernetesResource();
    object.setApiVersion("argoproj.io/v1alpha1");
    object.setKind("Application");
    object.setMetadata(
        new ObjectMetaBuilder()
            .withName(app.name())
            .withNamespace(Estate.ARGOCD_NAMESPACE)
            .withUid("uid-app-" + app.name())
            .withGeneration(1L)
            .build());
    Map<String, Object> source =
        map("repoURL", estate.repoUrl(), "path", "apps/" + app.name(), "targetRevision", "main");
    Map<String, Object> destination =
        map("server", "https://kubernetes.default.svc", "namespace", app.destination());
    object.setAdditionalProperty(
        "spec",
        map(
            "project",
            "default",
            chart == null ? "source" : "sources",
            chart == null ? source : chart.sources(source),
            "destination",
            destination,
            "syncPolicy",
            map("automated", map("prune", false, "selfHeal", app.selfHeal()))));
    if (operation != null) {
      object.setAdditionalProperty("operation", operation(operation));
    }
    Map<String, Object> status = new LinkedHashMap<>();
    if (!syncStatus.isEmpty()) {
      Map<String, Object> sync = map("status", syncStatus);
      if (chart == null) {
        sync.put("revision", revision);
        sync.put("comparedTo", map("source", source, "destination", destination));
      } else {
        sync.put("revisions", chart.revisions(revision));
        sync.put("comparedTo", map("sources", chart.sources(source), "destination", destination));
      }
      status.put("sync", sync);
      status.put("health", map("status", "Healthy"));
    }
    if (reconciledAt != null) {
      status.put("reconciledAt", Timeline.metav1(reconciledAt).toString());
    }
    List<Map<String, Object>> declared = new ArrayList<>();
    resources.forEach((m, s) -> declared.add(resource(m, s)));
    if (!declared.isEmpty()) {
      status.put("resources", declared);
    }
    List<Map<String, Object>> raised = new ArrayList<>();
    for (Condition c : conditions) {
      raised.add(
          map(
              "type", c.type(),
              "message", c.message(),
              "lastTransitionTime", Timeline.metav1(c.lastTransitionTime()).toString()));
    }
    if (!raised.isEmpty()) {
      status.put("conditions", raised);
    }
    if (operationState != null) {
      status.put("operationState", operationState(operationState));
    }
    List<Map<String, Object>> entries = new ArrayList<>();
    for (HistoryEntry h : history) {
      Map<String, Object> entry = map("id", h.id());
      HelmChart.put(entry, chart, h.revision(), source);
      entry.put("deployedAt", h.deployedAt().toString());
      entry.put("deployStartedAt", h.deployStartedAt().toString());
      entry.put(
          "initiatedBy",
          h.username() == null ? map("automated", true) : map("username", h.username()));
      entries.add(entry);
    }
    if (!entries.isEmpty()) {
      status.put("history", entries);
    }
    status.put("controllerNamespace", Estate.ARGOCD_NAMESPACE);
    object.setAdditionalProperty("status", status);
    return object;
  }

  private Map<String, Object> resource(Manifest m, String status) {
    return map(
        "group", m.group(),
        "version", m.version(),
        "kind", m.kind(),
        "namespace", app.destination(),
        "name", m.name(),
        "status", status);
  }

  private Map<String, Object> operation(Operation op) {
    Map<String, Object> sync = new LinkedHashMap<>();
    HelmChart.put(
        sync, chart, op.revision(), map("repoURL", estate.repoUrl(), "path", "apps/" + app.name()));
    if (op.partial()) {
      // self-heal lists the objects without their namespace
      List<Map<String, Object>> listed = new ArrayList<>();
      op.resources()
          .forEach(m -> listed.add(map("group", m.group(), "kind", m.kind(), "name", m.name())));
      sync.put("resources", listed);
      sync.put("autoHealAttemptsCount", op.autoHeals());
    }
    return map(
        "initiatedBy",
        op.automated() ? map("automated", true) : map("username", op.username()),
        "retry",
        map("limit", 5),
        "sync",
        sync);
  }

  private Map<String, Object> operationState(OperationState s) {
    Map<String, Object> state = map("operation", operation(s.operation()), "phase", s.phase());
    if (!s.message().isEmpty()) {
      state.put("message", s.message());
    }
    state.put("startedAt", Timeline.metav1(s.startedAt()).toString());
    if (s.finishedAt() != null) {
      state.put("finishedAt", Timeline.metav1(s.finishedAt()).toString());
      List<Map<String, Object>> results = new ArrayList<>();
      for (Manifest m : s.applied()) {
        Map<String, Object> r = resource(m, "Synced");
        r.put(
            "message",
            (m.kind().equals("Deployment") ? "deployment.apps/" : "service/")
                + m.name()
                + " serverside-applied");
        r.put("hookPhase", "Running");
        r.put("syncPhase", "Sync");
        results.add(r);
      }
      Map<String, Object> syncResult = map("resources", results);
      HelmChart.put(
          syncResult,
          chart,
          s.operation().revision(),
          map("repoURL", estate.repoUrl(), "path", "apps/" + app.name()));
      state.put("syncResult", syncResult);
    }
    return state;
  }

  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
