package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.LeaderElection;
import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.collectors.publish.KafkaObservationSink;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.Topics;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.ResourceObserved;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two replicas of the collector against one mock API server (CRUD mode keeps the Lease): only the
 * holder publishes, and a standby takes over — after a clean hand-over or after the leader died
 * without releasing — publishing what changed and nothing twice.
 */
@Tag("integration")
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  static final TrackedKind CONFIG_MAP = new TrackedKind("", "v1", "ConfigMap", "configmaps", true);

  KubernetesMockServer server;
  KubernetesClient client;

  private ObservationTopic topic;
  private KafkaObservationSink sink;
  private final List<KubernetesCollector> collectors = new ArrayList<>();
  private final List<KafkaInventory> inventories = new ArrayList<>();
  private final List<KubernetesClient> clients = new ArrayList<>();

  @BeforeEach
  void connect() {
    topic = new ObservationTopic(kafka.bootstrapServers(), Topics.OBSERVATIONS);
    sink = ObservationTopic.sink(kafka.bootstrapServers());
  }

  @AfterEach
  void disconnect() {
    collectors.forEach(KubernetesCollector::stop);
    inventories.forEach(KafkaInventory::close);
    clients.forEach(KubernetesClient::close);
    topic.close();
  }

  @Test
  void aStandbyTakesOverWhenTheLeaderStops() {
    String cluster = "handover";
    KubernetesCollector a = replica(cluster, "a");
    await().until(a::isSynced);
    KubernetesCollector b = replica(cluster, "b");
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "x"));
    await().until(() -> names(cluster).contains("x"));
    assertThat(b.isActive()).as("the standby watches nothing").isFalse();

    a.stop();
    await().atMost(Duration.ofSeconds(20)).until(b::isSynced);
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "y"));
    await().until(() -> names(cluster).contains("y"));

    assertThat(names(cluster))
        .as("x is not published again by the new leader")
        .containsExactly("x", "y");
    assertThat(b.unchanged()).as("the new leader listed x and found it unchanged").isEqualTo(1);
    assertThat(topic.of(cluster, HeartbeatObserved.class))
        .extracting(HeartbeatObserved::collector)
        .contains("kubernetes-collector@a", "kubernetes-collector@b");
    assertThat(client.leases().inNamespace("ops").withName("ops-journal-collectors").get())
        .satisfies(lease -> assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("b"));
  }

  @Test
  void aStandbyTakesOverFromALeaderThatDied() {
    String cluster = "crash";
    KubernetesClient clientOfA = server.createClient();
    clients.add(clientOfA);
    KubernetesCollector a = replica(cluster, "a", clientOfA);
    await().until(a::isSynced);
    KubernetesCollector b = replica(cluster, "b");
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "x"));
    await().until(() -> names(cluster).contains("x"));

    clientOfA.close(); // the leader loses the API server: it can neither renew nor release
    KubeObjects.create(client, CONFIG_MAP, KubeObjects.sample(CONFIG_MAP, "z"));

    await().atMost(Duration.ofSeconds(20)).until(b::isSynced);
    await().until(() -> names(cluster).contains("z"));
    assertThat(names(cluster))
        .as("z, created while nobody could watch, is published once; x is not published again")
        .containsExactly("x", "z");
  }

  private KubernetesCollector replica(String cluster, String identity) {
    return replica(cluster, identity, client);
  }

  private KubernetesCollector replica(String cluster, String identity, KubernetesClient with) {
    KafkaInventory inventory = ObservationTopic.inventory(kafka.bootstrapServers());
    inventories.add(inventory);
    KubernetesCollector collector =
        new KubernetesCollector(
            with,
            KubernetesCollectorProperties.forCluster(cluster)
                .withTrackedKinds(List.of(CONFIG_MAP))
                .withLeaderElection(
                    new LeaderElection(
                        true,
                        null,
                        "ops",
                        identity,
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(2),
                        Duration.ofMillis(250))),
            sink,
            inventory,
            Clock.systemUTC());
    collectors.add(collector);
    collector.start();
    return collector;
  }

  private List<String> names(String cluster) {
    return topic.of(cluster, ResourceObserved.class).stream()
        .map(o -> o.resource().name())
        .sorted()
        .toList();
  }
}
