package dev.opsjournal.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.CollectorsApplication;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.server.testing.DeploymentEnvironment;
import dev.opsjournal.server.testing.MonitoringQueries;
import dev.opsjournal.server.testing.PrometheusText;
import dev.opsjournal.server.testing.StructuredLog;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The collectors as their own process, started as the collectors' Deployment starts them (its
 * environment and the ConfigMap's, ECS logs included) against a mock API server in CRUD mode, a
 * real broker and real Git repositories: its probes answer on the main port, {@code
 * /actuator/prometheus} on its management port without credentials, its meters move with what it
 * watches, fetches and fails at, every collector metric the deploy/ dashboard and rules read is
 * exposed, and its warning about a malformed object names the object's resource key.
 */
@ExtendWith(OutputCaptureExtension.class)
class CollectorsProcessIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  static final String CLUSTER = "collectors-process";
  static final ResourceDefinitionContext APPLICATIONS =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("Application")
          .withPlural("applications")
          .withNamespaced(true)
          .build();

  @TempDir Path temp;

  private final Map<String, String> properties = new HashMap<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private KubernetesMockServer api;
  private KubernetesClient client;
  private ConfigurableApplicationContext collectors;

  @BeforeEach
  void cluster() {
    // expectations first (one map for the server and its dispatcher), then the CRUD store
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    api =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    api.init();
    client = api.createClient();
    // the first list of DaemonSets is refused (RBAC not applied yet): the informer lists again
    api.expect()
        .get()
        .withPath("/apis/apps/v1/daemonsets?resourceVersion=0")
        .andReturn(
            403,
            new StatusBuilder()
                .withCode(403)
                .withReason("Forbidden")
                .withMessage("daemonsets.apps is forbidden")
                .build())
        .once();
    // the client the collectors build resolves the API server the usual fabric8 way
    properties.put("kubernetes.master", client.getMasterUrl().toString());
    properties.put("kubernetes.auth.tryKubeConfig", "false");
    properties.put("kubernetes.auth.tryServiceAccount", "false");
    properties.put("kubernetes.http2.disable", "true");
    properties.put("kubernetes.namespace", "ops-journal");
    properties.forEach(System::setProperty);
  }

  @AfterEach
  void stop() {
    if (collectors != null) {
      collectors.close();
    }
    properties.keySet().forEach(System::clearProperty);
    client.close();
    api.destroy();
  }

  @Test
  void theProcessIsScrapedOnItsManagementPortAndItsMetersMove(CapturedOutput output)
      throws Exception {
    String repository = repository(temp.resolve("platform"));
    String missing = "file://" + temp.resolve("missing.git");
    Map<String, String> env =
        DeploymentEnvironment.of(
            "collectors-deployment.yaml",
            Map.of("metadata.namespace", "ops-journal", "metadata.name", "collectors-0"));
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("SERVER_PORT", "0");
    env.put("MANAGEMENT_SERVER_PORT", "0");
    env.put("OPSJOURNAL_COLLECTORS_KUBERNETES_CLUSTER", CLUSTER);
    env.put("OPSJOURNAL_COLLECTORS_GIT_CACHE_DIR", temp.resolve("cache").toString());
    env.put("OPSJOURNAL_COLLECTORS_GIT_REPOSITORIES_0_URL", repository);
    env.put("OPSJOURNAL_COLLECTORS_GIT_REPOSITORIES_0_POLL_INTERVAL", "1s");
    env.put("OPSJOURNAL_COLLECTORS_GIT_REPOSITORIES_1_URL", missing);
    env.put("OPSJOURNAL_COLLECTORS_GIT_REPOSITORIES_1_BRANCH", "main");
    env.put("OPSJOURNAL_COLLECTORS_GIT_REPOSITORIES_1_POLL_INTERVAL", "1s");
    assertThat(env).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
    collectors = start(env);
    int main = port("local.server.port");
    int management = port("local.management.port");

    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> assertThat(get(main, "/actuator/health/readiness").statusCode()).isEqualTo(200));
    assertThat(get(main, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get(main, "/actuator/prometheus").statusCode()).isNotEqualTo(200);
    assertThat(get(management, "/actuator/prometheus").statusCode()).isEqualTo(200);
    assertThat(get(management, "/actuator/env").statusCode()).isNotEqualTo(200);

    client
        .configMaps()
        .inNamespace("shop")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("shop")
                .endMetadata()
                .addToData("mode", "fast")
                .build())
        .create();
    client
        .genericKubernetesResources(APPLICATIONS)
        .inNamespace("argocd")
        .resource(
            application(
                """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: broken, namespace: argocd}
            spec: {project: default}
            status: nonsense
            """))
        .create();

    String cluster = "cluster=\"" + CLUSTER + "\"";
    String source = "source=\"" + missing + "#main\"";
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> {
              Map<String, Double> scrape = scrape(management);
              assertThat(scrape)
                  .containsEntry(
                      "opsjournal_collector_observations_published_total{" + cluster + "}", 1.0)
                  .containsEntry(
                      "opsjournal_collector_objects_malformed_total{" + cluster + "}", 1.0)
                  .containsEntry("opsjournal_collector_inventory_objects{" + cluster + "}", 1.0)
                  .containsEntry(
                      "opsjournal_collector_watch_restarts_total{"
                          + cluster
                          + ",kind=\"DaemonSet\"}",
                      1.0)
                  .containsEntry(
                      "opsjournal_collector_watch_restarts_total{"
                          + cluster
                          + ",kind=\"ConfigMap\"}",
                      0.0)
                  .containsEntry(
                      "opsjournal_collector_lists_total{" + cluster + ",kind=\"DaemonSet\"}", 2.0)
                  .containsEntry(
                      "opsjournal_collector_lists_total{" + cluster + ",kind=\"ConfigMap\"}", 1.0)
                  .containsEntry("opsjournal_git_source_unavailable{" + source + "}", 1.0);
              assertThat(scrape.get("opsjournal_git_fetch_failures_total{" + source + "}"))
                  .isPositive();
              assertThat(
                      scrape.get(
                          "opsjournal_git_fetch_seconds_count{source=\"" + repository + "#main\"}"))
                  .isPositive();
              assertThat(
                      scrape.get(
                          "opsjournal_git_fetch_failures_total{source=\""
                              + repository
                              + "#main\"}"))
                  .isZero();
            });

    Map<String, Set<String>> read = new TreeMap<>(MonitoringQueries.names());
    read.keySet().removeIf(name -> !MonitoringQueries.ofCollectors(name));
    assertThat(read).containsKeys("opsjournal_collector_watch_restarts_total");
    Map<String, Set<String>> missingNames = new TreeMap<>(read);
    missingNames.keySet().removeAll(MonitoringQueries.sampleNames(scrape(management)));
    assertThat(missingNames).as("read by deploy/components/monitoring, not exposed").isEmpty();

    // the warning about the malformed Application names it, in its message and as a field
    String broken = CLUSTER + "/argoproj.io/Application/argocd/broken";
    assertThat(StructuredLog.records(output))
        .filteredOn(line -> line.path("resource").asText().equals(broken))
        .extracting(line -> line.path("message").asText())
        .anyMatch(message -> message.startsWith("skipping Applications " + broken + " (uid"));
  }

  /** The collectors' application as its main starts it, in the Deployment's environment. */
  private static ConfigurableApplicationContext start(Map<String, String> env) {
    StandardEnvironment environment = new StandardEnvironment();
    // named like the system environment, so that Spring maps the variables' names as it does those
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "deployment-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(env)));
    SpringApplication application = CollectorsApplication.application();
    application.setEnvironment(environment);
    return application.run();
  }

  private int port(String property) {
    return collectors.getEnvironment().getRequiredProperty(property, Integer.class);
  }

  /** A repository with one commit on main, by its file URL. */
  private static String repository(Path dir) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("kustomization.yaml"), "resources: []\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("first")
          .setAuthor("A", "a@example.com")
          .setCommitter("A", "a@example.com")
          .call();
    }
    return "file://" + dir;
  }

  private static GenericKubernetesResource application(String yaml) {
    return Serialization.unmarshal(yaml, GenericKubernetesResource.class);
  }

  private Map<String, Double> scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> response = get(port, "/actuator/prometheus");
    assertThat(response.statusCode()).isEqualTo(200);
    return PrometheusText.samples(response.body());
  }

  private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
