package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Manifests.component;
import static dev.opsjournal.deploy.Manifests.name;
import static dev.opsjournal.deploy.Manifests.objects;
import static dev.opsjournal.deploy.Manifests.selects;
import static dev.opsjournal.deploy.Overlays.REPO_ROOT;
import static dev.opsjournal.deploy.Overlays.assertNoProblems;
import static dev.opsjournal.deploy.Overlays.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The optional monitoring component ({@code deploy/components/monitoring}, in the prod overlay):
 * its ServiceMonitor reaches the metrics port of both processes through their Services, its
 * PrometheusRule alerts on what ops-journal's operators need to know, its dashboard is one
 * Grafana's sidecar can load. Which metrics they read is checked against running processes in
 * query-api (MetricsIT, CollectorsProcessIT).
 */
class MonitoringTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging"})
  void theComponentIsOptional(String env) {
    assertThat(rendered(env))
        .extracting(Manifest::kind)
        .doesNotContain("ServiceMonitor", "PrometheusRule");
    assertThat(objects(rendered(env), ConfigMap.class))
        .noneMatch(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard"));
  }

  @Test
  void prodRendersOneOfEach() {
    assertThat(rendered("prod"))
        .extracting(Manifest::kind)
        .containsOnlyOnce("ServiceMonitor", "PrometheusRule");
    assertThat(dashboards()).hasSize(1);
  }

  /**
   * The ServiceMonitor selects Services whose endpoint port reaches a container port named metrics,
   * the port its container's management server listens on (MANAGEMENT_SERVER_PORT), on the path
   * that serves the scrape; the server and the collectors are both scraped, and their
   * NetworkPolicies open that port to the namespace "monitoring".
   */
  @Test
  void theServiceMonitorReachesTheMetricsPortOfBothProcesses() {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered("prod");
    Manifest monitor = only(manifests, "ServiceMonitor");
    Map<String, String> selector =
        JSON.convertValue(monitor.tree().at("/spec/selector/matchLabels"), Map.class);
    Set<String> scraped = new HashSet<>();
    for (JsonNode endpoint : monitor.tree().at("/spec/endpoints")) {
      if (!endpoint.path("path").asText().equals("/actuator/prometheus")) {
        problems.add("endpoint " + endpoint + ": path is not /actuator/prometheus");
      }
      String portName = endpoint.path("port").asText();
      for (Service service : objects(manifests, Service.class)) {
        if (!selects(selector, service.getMetadata().getLabels())) {
          continue;
        }
        Optional<ServicePort> port =
            service.getSpec().getPorts().stream()
                .filter(p -> portName.equals(p.getName()))
                .findFirst();
        if (port.isEmpty()) {
          continue; // a Service without that port is no target
        }
        for (String workload : List.of("server", "collectors")) {
          Deployment deployment = component(manifests, workload);
          if (!selects(
              service.getSpec().getSelector(),
              deployment.getSpec().getTemplate().getMetadata().getLabels())) {
            continue;
          }
          Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
          Optional<Integer> containerPort =
              Manifests.resolvePort(container, port.get().getTargetPort());
          String management =
              container.getEnv().stream()
                  .filter(e -> e.getName().equals("MANAGEMENT_SERVER_PORT"))
                  .map(EnvVar::getValue)
                  .findFirst()
                  .orElse(null);
          boolean named =
              container.getPorts().stream()
                  .anyMatch(
                      p ->
                          "metrics".equals(p.getName())
                              && containerPort.equals(Optional.of(p.getContainerPort())));
          if (!named
              || management == null
              || !management.equals(String.valueOf(containerPort.get()))) {
            problems.add(
                "Service "
                    + name(service)
                    + " port "
                    + portName
                    + " does not reach the management port (MANAGEMENT_SERVER_PORT "
                    + management
                    + ") of "
                    + workload
                    + " as its container port metrics");
            continue;
          }
          if (!openToMonitoring(manifests, deployment, containerPort.get())) {
            problems.add("no NetworkPolicy opens " + workload + "'s metrics port to monitoring");
          }
          scraped.add(workload);
        }
      }
    }
    if (!scraped.equals(Set.of("server", "collectors"))) {
      problems.add("scraped: " + scraped + ", not the server and the collectors");
    }
    assertNoProblems("prod", problems);
  }

  @Test
  void thePrometheusRuleAlertsOnAStalledIngestALaggingProcessorDeadLettersAndGit() {
    List<String> problems = new ArrayList<>();
    Set<String> alerts = new HashSet<>();
    for (JsonNode group : only(rendered("prod"), "PrometheusRule").tree().at("/spec/groups")) {
      for (JsonNode rule : group.path("rules")) {
        String alert = rule.path("alert").asText();
        alerts.add(alert);
        if (!alert.startsWith("OpsJournal")) {
          problems.add(alert + ": not named OpsJournal…");
        }
        if (!Set.of("critical", "warning", "info").contains(rule.at("/labels/severity").asText())) {
          problems.add(alert + ": severity is not critical, warning or info");
        }
        if (rule.at("/annotations/summary").asText("").isBlank()
            || rule.at("/annotations/description").asText("").isBlank()) {
          problems.add(alert + ": no summary or description");
        }
        if (!rule.has("for")) {
          problems.add(alert + ": fires on one evaluation (no for)");
        }
      }
    }
    assertNoProblems("prod", problems);
    assertThat(alerts)
        .contains(
            "OpsJournalIngestStalled",
            "OpsJournalProcessorFallingBehind",
            "OpsJournalDeadLettersGrowing",
            "OpsJournalGitFetchFailing");
  }

  /** The dashboard ConfigMap: Grafana's sidecar label, one dashboard, the file in the component. */
  @Test
  void theDashboardIsAGrafanaDashboardForTheSidecar() throws Exception {
    ConfigMap map = dashboards().get(0);
    assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    assertThat(map.getData()).containsOnlyKeys("ops-journal.json");
    String file =
        Files.readString(
            REPO_ROOT.resolve("deploy/components/monitoring/dashboards/ops-journal.json"));
    JsonNode dashboard = JSON.readTree(map.getData().get("ops-journal.json"));
    assertThat(dashboard).isEqualTo(JSON.readTree(file));

    List<String> problems = new ArrayList<>();
    if (dashboard.path("uid").asText("").isBlank()
        || dashboard.path("title").asText("").isBlank()) {
      problems.add("no uid or title");
    }
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      String title = panel.path("title").asText();
      if (!ids.add(panel.path("id").asInt())) {
        problems.add(title + ": id " + panel.path("id") + " used twice");
      }
      if (!panel.path("gridPos").has("w") || !panel.path("gridPos").has("h")) {
        problems.add(title + ": no gridPos");
      }
      if (panel.path("type").asText().equals("row")) {
        continue;
      }
      if (!panel.at("/datasource/uid").asText().equals("${datasource}")
          || panel.path("targets").isEmpty()) {
        problems.add(title + ": no targets on the dashboard's datasource variable");
      }
      for (JsonNode target : panel.path("targets")) {
        if (target.path("expr").asText("").isBlank()) {
          problems.add(title + ": a target without expr");
        }
        if (!target.path("expr").asText().contains("namespace=~\"$namespace\"")) {
          problems.add(title + ": " + target.path("expr") + " ignores the namespace variable");
        }
      }
    }
    assertThat(ids).hasSizeGreaterThan(10);
    assertNoProblems("prod", problems);
  }

  private static boolean openToMonitoring(List<Manifest> manifests, Deployment workload, int port) {
    return objects(manifests, NetworkPolicy.class).stream()
        .filter(
            p ->
                Manifests.matches(
                    p.getSpec().getPodSelector(),
                    workload.getSpec().getTemplate().getMetadata().getLabels()))
        .flatMap(p -> p.getSpec().getIngress().stream())
        .filter(
            rule ->
                rule.getFrom().stream()
                    .anyMatch(
                        peer ->
                            peer.getNamespaceSelector() != null
                                && "monitoring"
                                    .equals(
                                        peer.getNamespaceSelector()
                                            .getMatchLabels()
                                            .get("kubernetes.io/metadata.name"))))
        .anyMatch(rule -> rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == port));
  }

  private static List<ConfigMap> dashboards() {
    return objects(rendered("prod"), ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getLabels().containsKey("grafana_dashboard"))
        .toList();
  }

  private static Manifest only(List<Manifest> manifests, String kind) {
    List<Manifest> found = manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    assertThat(found).as(kind).hasSize(1);
    return found.get(0);
  }
}
