package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.KafkaObservationSink;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The collector against the fabric8 mock API server in CRUD mode, publishing through the real sink
 * to a real Kafka broker, read back with a plain consumer. Each test watches its own cluster name,
 * so the tests share the broker and its topics without seeing each other's records.
 */
@Tag("integration")
@EnableKubernetesMockClient(crud = true)
@ExtendWith(OutputCaptureExtension.class)
class KubernetesCollectorIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  static final TrackedKind CONFIG_MAP = new TrackedKind("", "v1", "ConfigMap", "configmaps", true);
  static final TrackedKind SECRET = new TrackedKind("", "v1", "Secret", "secrets", true);
  static final Instant NOW = Instant.parse("2026-11-17T10:00:00Z");

  KubernetesMockServer server;
  KubernetesClient client;

  private ObservationTopic topic;
  private KafkaObservationSink sink;
  private final List<KubernetesCollector> collectors = new ArrayList<>();
  private final List<KafkaInventory> inventories = new ArrayList<>();
  private final List<KubernetesClient> ownClients = new ArrayList<>();

  @BeforeEach
  void connect() {
    topic = new ObservationTopic(kafka.bootstrapServers(), Topics.OBSERVATIONS);
    sink = ObservationTopic.sink(kafka.bootstrapServers());
  }

  @AfterEach
  void disconnect() {
    collectors.forEach(KubernetesCollector::stop);
    inventories.forEach(KafkaInventory::close);
    ownClients.forEach(KubernetesClient::close);
    topic.close();
  }

  @Test
  void publishesAddUpdateAndDeleteOfEveryDefaultKind() {
    String cluster = "kinds";
    KubernetesCollector collector = start(KubernetesCollectorProperties.forCluster(cluster));
    await().until(collector::isSynced);

    List<ResourceKey> keys = new ArrayList<>();
    for (TrackedKind kind : KubernetesCollectorProperties.DEFAULT_KINDS) {
      KubeObjects.create(client, kind, KubeObjects.sample(kind, "one"));
      KubeObjects.edit(client, kind, kind.namespaced() ? "shop" : "", "one");
      KubeObjects.delete(client, kind, kind.namespaced() ? "shop" : "", "one");
      keys.add(
          ResourceKey.of(
              cluster, kind.group(), kind.kind(), kind.namespaced() ? "shop" : "", "one"));
    }

    await()
        .untilAsserted(
            () -> {
              List<ResourceObserved> seen = topic.of(cluster, ResourceObserved.class);
              for (ResourceKey key : keys) {
                assertThat(seen.stream().filter(o -> o.resource().equals(key)))
                    .as(key.toString())
                    .extracting(ResourceObserved::action)
                    .containsExactly(WatchAction.ADDED, WatchAction.MODIFIED, WatchAction.DELETED);
              }
            });
    assertThat(topic.of(cluster, ResourceObserved.class))
        .allSatisfy(o -> assertThat(o.observedAt()).isEqualTo(NOW));
    List<ResourceObserved> deployment =
        topic.of(cluster, ResourceObserved.class).stream()
            .filter(o -> o.resource().equals(keys.get(0)))
            .toList();
    assertThat(deployment.get(1).specFingerprint())
        .as("the edit changed the desired state")
        .isNotEqualTo(deployment.get(0).specFingerprint());
    assertThat(deployment.get(1).generation()).isEqualTo(deployment.get(0).generation() + 1);
    assertThat(deployment.get(2).uid()).isEqualTo(deployment.get(0).uid());
  }

  @Test
  void publishesApplicationsTheirEventsAndHeartbeats() {
    String cluster = "apps";
    KubernetesCollector collector =
        start(KubernetesCollectorProperties.forCluster(cluster), NOW, "apps-1");
    await().until(collector::isSynced);

    GenericKubernetesResource application = Fixtures.load("argo-cd/application-with-status.yaml");
    asNew(application);
    KubeObjects.create(client, Watches.APPLICATIONS, application);
    KubeObjects.edit(
        client,
        Watches.APPLICATIONS,
        "argo-cd",
        "velero-test",
        app -> {
          status(app, "sync").put("status", "OutOfSync");
          return app;
        });
    KubeObjects.create(
        client,
        Watches.CORE_EVENTS,
        Fixtures.yaml(
            """
            apiVersion: v1
            kind: Event
            metadata: {name: velero-test.157f7c60a55a81a8, namespace: argo-cd}
            involvedObject:
              {apiVersion: argoproj.io/v1alpha1, kind: Application, name: velero-test,
               namespace: argo-cd}
            reason: OperationCompleted
            message: Sync operation to ea8759964626a583667a2bfd08f334ec2070040a succeeded
            source: {component: argocd-application-controller}
            type: Normal
            count: 1
            """));
    KubeObjects.create(
        client,
        Watches.EVENTS_API_EVENTS,
        Fixtures.yaml(
            """
            apiVersion: events.k8s.io/v1
            kind: Event
            metadata: {name: web.17a, namespace: shop}
            regarding: {apiVersion: apps/v1, kind: Deployment, name: web, namespace: shop}
            reason: ScalingReplicaSet
            note: Scaled up replica set web-5d4f to 3
            reportingController: deployment-controller
            type: Normal
            eventTime: "2026-11-17T09:59:00.000000Z"
            """));
    ResourceKey key = ResourceKey.application(cluster, "argo-cd", "velero-test");
    await()
        .until(
            () ->
                topic.of(cluster, ApplicationObserved.class).size() == 2
                    && topic.of(cluster, KubernetesEventObserved.class).size() == 2);
    assertThat(collector.heartbeat()).isTrue();
    KubeObjects.delete(client, Watches.APPLICATIONS, "argo-cd", "velero-test");

    await().until(() -> topic.of(cluster, ApplicationObserved.class).size() == 3);
    List<ApplicationObserved> seen = topic.of(cluster, ApplicationObserved.class);
    assertThat(seen).allSatisfy(o -> assertThat(o.application()).isEqualTo(key));
    assertThat(seen)
        .extracting(ApplicationObserved::action)
        .containsExactly(WatchAction.ADDED, WatchAction.MODIFIED, WatchAction.DELETED);
    assertThat(seen.get(0).status().syncStatus()).isEqualTo("Synced");
    assertThat(seen.get(0).status().operationState().initiatedBy().username())
        .isEqualTo("foo@example.com");
    assertThat(seen.get(1).status().syncStatus()).isEqualTo("OutOfSync");
    assertThat(seen.get(2).status().syncStatus())
        .as("a deletion carries the last known state")
        .isEqualTo("OutOfSync");

    assertThat(topic.of(cluster, KubernetesEventObserved.class))
        .extracting(e -> e.regarding().toString(), KubernetesEventObserved::reason)
        .containsExactlyInAnyOrder(
            tuple("apps/argoproj.io/Application/argo-cd/velero-test", "OperationCompleted"),
            tuple("apps/apps/Deployment/shop/web", "ScalingReplicaSet"));
    assertThat(topic.of(cluster, HeartbeatObserved.class))
        .isNotEmpty()
        .allSatisfy(
            heartbeat -> {
              assertThat(heartbeat.collector()).isEqualTo("kubernetes-collector@apps-1");
              assertThat(heartbeat.observedAt()).isEqualTo(NOW);
            })
        .anySatisfy(
            heartbeat ->
                assertThat(heartbeat.latestReconciledAt())
                    .isEqualTo(Instant.parse("2024-03-05T07:33:04Z")));
  }

  @Test
  void aRestartPublishesExactlyWhatChangedWhileDown() {
    String cluster = "restart";
    KubernetesCollectorProperties properties =
        KubernetesCollectorProperties.forCluster(cluster).withTrackedKinds(List.of(CONFIG_MAP));
    for (String name : List.of("a", "b", "c", "e")) {
      KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, name));
    }
    GenericKubernetesResource child =
        Fixtures.load("argo-cd/child-application-with-tracking-id.yaml");
    KubeObjects.create(client, Watches.APPLICATIONS, child);
    Instant first = NOW;
    Instant second = NOW.plus(Duration.ofHours(1));

    KubernetesCollector before = start(properties, first, "restart-1");
    await().until(before::isSynced);
    await()
        .until(
            () ->
                changes(cluster, first).size() == 4
                    && topic.of(cluster, ApplicationObserved.class).size() == 1);
    before.stop();

    KubeObjects.edit(client, CONFIG_MAP, "shop", "a");
    KubeObjects.delete(client, CONFIG_MAP, "shop", "b");
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "d"));
    KubeObjects.delete(client, CONFIG_MAP, "shop", "e");
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "e"));

    KubernetesCollector after = start(properties, second, "restart-2");
    await().until(after::isSynced);
    await().until(() -> changes(cluster, second).size() == 5);
    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(5))
        .until(() -> changes(cluster, second).size() == 5);

    List<ResourceObserved> changes = changes(cluster, second);
    assertThat(changes)
        .extracting(o -> o.resource().name(), ResourceObserved::action)
        .containsExactlyInAnyOrder(
            tuple("a", WatchAction.MODIFIED),
            tuple("b", WatchAction.DELETED),
            tuple("d", WatchAction.ADDED),
            tuple("e", WatchAction.DELETED),
            tuple("e", WatchAction.ADDED));
    assertThat(changes.stream().filter(o -> o.resource().name().equals("e")))
        .as("the old incarnation goes before the new one")
        .extracting(ResourceObserved::action)
        .containsExactly(WatchAction.DELETED, WatchAction.ADDED);
    ResourceObserved deleted =
        changes.stream().filter(o -> o.resource().name().equals("b")).findFirst().orElseThrow();
    assertThat(deleted.labels())
        .as("deleted while down: published with its last known state")
        .containsEntry("app", "b");
    assertThat(topic.of(cluster, ApplicationObserved.class))
        .as("the unchanged Application is not republished")
        .hasSize(1);
    assertThat(after.unchanged()).as("c and the Application were listed and skipped").isEqualTo(2);
  }

  @Test
  void resyncTicksAreNotPublished() {
    String cluster = "resync";
    for (String name : List.of("a", "b", "c")) {
      KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, name));
    }
    KubernetesCollector collector =
        start(
            KubernetesCollectorProperties.forCluster(cluster)
                .withTrackedKinds(List.of(CONFIG_MAP))
                .withResyncPeriod(Duration.ofSeconds(1)),
            NOW,
            "resync-1");
    await().until(collector::isSynced);

    await().atMost(Duration.ofSeconds(20)).until(() -> collector.unchanged() >= 6);

    assertThat(collector.unchanged())
        .as("at least two ticks of three objects")
        .isGreaterThanOrEqualTo(6);
    assertThat(topic.of(cluster, ResourceObserved.class)).hasSize(3);
  }

  @Test
  void aWatchGapRelistsThroughTheSameDedupe() {
    String cluster = "gap";
    GenericKubernetesResource a =
        KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "a"));
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "c"));
    GenericKubernetesResource b = KubeObjects.sample(CONFIG_MAP, "b");
    b.getMetadata().setUid("uid-of-b");
    b.getMetadata().setResourceVersion("1");
    // the first list predates the gap: it still holds b and not yet c; the watch that follows
    // expires at once ("410 Gone"), and the relist (served by the CRUD store) holds a and c
    server
        .expect()
        .get()
        .withPath("/api/v1/configmaps?resourceVersion=0")
        .andReturn(
            200,
            Map.of(
                "apiVersion",
                "v1",
                "kind",
                "ConfigMapList",
                "metadata",
                Map.of("resourceVersion", "1"),
                "items",
                List.of(a, b)))
        .once();
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/configmaps?allowWatchBookmarks=true&resourceVersion=1&timeoutSeconds=600&watch=true")
        .andUpgradeToWebSocket()
        .open()
        .waitFor(100)
        .andEmit(
            new WatchEvent(
                new StatusBuilder()
                    .withCode(410)
                    .withReason("Expired")
                    .withMessage("too old resource version: 1")
                    .build(),
                "ERROR"))
        .done()
        .once();

    ListRequests lists = new ListRequests();
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    KubernetesCollector collector =
        start(
            KubernetesCollectorProperties.forCluster(cluster).withTrackedKinds(List.of(CONFIG_MAP)),
            server.createClient(lists::countingLists),
            meters,
            lists,
            "gap-1");
    await().until(() -> resources(cluster).size() == 4);
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "d"));
    await().until(() -> resources(cluster).size() == 5);

    assertThat(resources(cluster))
        .extracting(o -> o.resource().name(), ResourceObserved::action)
        .containsExactlyInAnyOrder(
            tuple("a", WatchAction.ADDED),
            tuple("b", WatchAction.ADDED),
            tuple("b", WatchAction.DELETED),
            tuple("c", WatchAction.ADDED),
            tuple("d", WatchAction.ADDED));
    assertThat(collector.isSynced()).isTrue();
    // the first list and the relist after the expired watch; an expiry is no failure
    assertThat(
            meters
                .get("opsjournal.collector.lists")
                .tags("cluster", cluster, "kind", "ConfigMap")
                .functionCounter()
                .count())
        .isEqualTo(2);
    assertThat(
            meters
                .get("opsjournal.collector.watch.restarts")
                .tags("cluster", cluster, "kind", "ConfigMap")
                .counter()
                .count())
        .isZero();
  }

  @Test
  void aMalformedObjectIsLoggedAndSkipped(CapturedOutput output) {
    String cluster = "malformed";
    KubernetesCollector collector =
        start(KubernetesCollectorProperties.forCluster(cluster), NOW, "m-1");
    await().until(collector::isSynced);

    KubeObjects.create(
        client,
        Watches.APPLICATIONS,
        Fixtures.yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: broken, namespace: argocd}
            spec: {project: default}
            status: nonsense
            """));
    KubeObjects.create(
        client,
        Watches.APPLICATIONS,
        Fixtures.yaml(
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata: {name: fine, namespace: argocd}
            spec: {project: default, source: {repoURL: "https://git.example/a.git", path: a}}
            """));

    await().until(() -> topic.of(cluster, ApplicationObserved.class).size() == 1);
    assertThat(topic.of(cluster, ApplicationObserved.class).get(0).application().name())
        .isEqualTo("fine");
    assertThat(collector.malformed()).isEqualTo(1);
    assertThat(output)
        .contains("skipping Applications malformed/argoproj.io/Application/argocd/broken (uid")
        .contains("status is a string, expected an object");
  }

  @Test
  void secretDataNeverReachesKafka() {
    String cluster = "secrets";
    String value = "hunter2-" + UUID.randomUUID();
    String changed = "hunter3-" + UUID.randomUUID();
    KubernetesCollector collector =
        start(KubernetesCollectorProperties.forCluster(cluster), NOW, "s-1");
    await().until(collector::isSynced);

    GenericKubernetesResource secret = KubeObjects.sample(SECRET, "db");
    secret.setAdditionalProperty("data", Map.of("password", base64(value)));
    secret.setAdditionalProperty("stringData", Map.of("token", value));
    KubeObjects.create(client, SECRET, secret);
    KubeObjects.edit(
        client,
        SECRET,
        "shop",
        "db",
        s -> {
          s.setAdditionalProperty("data", Map.of("password", base64(changed)));
          return s;
        });
    KubeObjects.delete(client, SECRET, "shop", "db");
    await().until(() -> resources(cluster).size() == 3);

    List<String> forbidden = List.of(value, base64(value), changed, base64(changed));
    try (ObservationTopic inventory =
        new ObservationTopic(kafka.bootstrapServers(), Topics.COLLECTOR_INVENTORY)) {
      await().until(() -> inventory.records().stream().anyMatch(r -> r.key().startsWith(cluster)));
      List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(topic.records());
      all.addAll(inventory.records());
      assertThat(all).hasSizeGreaterThan(3);
      for (ConsumerRecord<String, byte[]> record : all) {
        String raw =
            record.value() == null ? "" : new String(record.value(), StandardCharsets.ISO_8859_1);
        forbidden.forEach(secretBytes -> assertThat(raw).doesNotContain(secretBytes));
      }
    }
  }

  private List<ResourceObserved> resources(String cluster) {
    return topic.of(cluster, ResourceObserved.class);
  }

  private List<ResourceObserved> changes(String cluster, Instant at) {
    return resources(cluster).stream().filter(o -> o.observedAt().equals(at)).toList();
  }

  /** A manifest as a client would send it: the API server assigns uid and resourceVersion. */
  private static void asNew(GenericKubernetesResource object) {
    object.getMetadata().setUid(null);
    object.getMetadata().setResourceVersion(null);
    object.getMetadata().setCreationTimestamp(null);
    object.getMetadata().setFinalizers(null); // no Argo CD here to remove its finalizer
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> status(GenericKubernetesResource object, String field) {
    return (Map<String, Object>)
        ((Map<String, Object>) object.getAdditionalProperties().get("status")).get(field);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private KubernetesCollector start(KubernetesCollectorProperties properties) {
    return start(properties, NOW, "it");
  }

  private KubernetesCollector start(
      KubernetesCollectorProperties properties, Instant now, String identity) {
    KafkaInventory inventory = ObservationTopic.inventory(kafka.bootstrapServers());
    inventories.add(inventory);
    KubernetesCollector collector =
        new KubernetesCollector(
            client,
            properties.withLeaderElection(
                new LeaderElection(false, null, null, identity, null, null, null)),
            sink,
            inventory,
            Clock.fixed(now, ZoneOffset.UTC));
    collectors.add(collector);
    collector.start();
    return collector;
  }

  /** On a client of its own, with the collector's meters and its lists counted. */
  private KubernetesCollector start(
      KubernetesCollectorProperties properties,
      KubernetesClient ownClient,
      SimpleMeterRegistry meters,
      ListRequests lists,
      String identity) {
    ownClients.add(ownClient);
    KafkaInventory inventory = ObservationTopic.inventory(kafka.bootstrapServers());
    inventories.add(inventory);
    KubernetesCollector collector =
        new KubernetesCollector(
            ownClient,
            properties.withLeaderElection(
                new LeaderElection(false, null, null, identity, null, null, null)),
            sink,
            inventory,
            Clock.fixed(NOW, ZoneOffset.UTC),
            meters,
            lists);
    collectors.add(collector);
    collector.start();
    return collector;
  }
}
