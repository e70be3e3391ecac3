package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.GitCollector;
import dev.opsjournal.collectors.git.GitCollectorProperties;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.collectors.kubernetes.KubernetesCollector;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.MockCluster;
import dev.opsjournal.server.testing.MutableClock;
import dev.opsjournal.server.testing.TappedSink;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.Week02Cluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline: the Week 02 week played on the fabric8 mock API server (CRUD mode) and a real
 * Git repository made with JGit, observed by the real Kubernetes and Git collectors, published
 * through Kafka, journaled into PostgreSQL — and the same questions answered as {@link
 * Week02JournalIT}. The collectors' clock is set to the scenario's time before each step.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "opsjournal.collectors.kubernetes.enabled=true",
      "opsjournal.collectors.kubernetes.cluster=" + Week02.CLUSTER,
      "opsjournal.collectors.kubernetes.heartbeat-interval=1000h",
      "spring.main.allow-bean-definition-overriding=true"
    })
@DirtiesContext
class Week02PipelineIT extends Week02Questions {

  /** The cluster, up before the Spring context starts. */
  static final MockCluster apiServer = MockCluster.start();

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @TempDir static Path workspace;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

  /** The collectors' world: the mock cluster, the scenario's clock, a tapped sink. */
  @TestConfiguration
  static class Pipeline {

    @Bean
    KubernetesClient kubernetesClient() {
      return apiServer.client();
    }

    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock(Week02.MONDAY);
    }

    @Bean
    @Primary
    TappedSink observationSink(KafkaTemplate<String, String> kafka, ObjectMapper json) {
      return TappedSink.toKafka(kafka, json);
    }
  }

  @Autowired MutableClock clock;
  @Autowired TappedSink sink;
  @Autowired KubernetesCollector kubernetes;
  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;

  Week02Repository repository;
  GitCollector git;

  @BeforeAll
  void playTheWeekOnTheClusterAndInGit() throws IOException {
    JournalDriver driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    repository = Week02Repository.create(workspace.resolve("platform.git"), 0);
    git =
        new GitCollector(
            GitCollectorProperties.of(
                workspace.resolve("cache"),
                List.of(
                    new RepositorySettings(
                        repository.url(),
                        Week02.BRANCH,
                        Duration.ofHours(1000),
                        null,
                        null,
                        null,
                        null))),
            sink,
            clock);
    Week02Cluster cluster = new Week02Cluster(apiServer.client(), this::realSha, repository.url());
    await().atMost(Duration.ofSeconds(30)).until(kubernetes::isSynced);

    for (Observation step : Week02.observations()) {
      clock.set(step.observedAt());
      play(step, cluster);
      if (!Week02.isRoutine(step)) {
        driver.awaitConsumed();
      }
    }
    driver.settle();
  }

  @AfterAll
  void closeGitAndCluster() {
    git.close();
    repository.close();
    apiServer.close();
  }

  private void play(Observation step, Week02Cluster cluster) throws IOException {
    if (step instanceof ResourceObserved resource) {
      cluster.apply(resource);
      sink.awaitPublished(resource.subject(), resource.observedAt());
    } else if (step instanceof ApplicationObserved application) {
      cluster.apply(application);
      sink.awaitPublished(application.subject(), application.observedAt());
    } else if (step instanceof HeartbeatObserved) {
      assertThat(kubernetes.heartbeat()).as("heartbeat at %s", step.observedAt()).isTrue();
    } else if (step instanceof CommitObserved commit) {
      repository.commitUpTo(List.of(Week02.C1, Week02.C2, Week02.C3).indexOf(commit.sha()) + 1);
      git.poll();
      sink.awaitPublished(gitSubject(), step.observedAt());
    } else if (step instanceof SourceUnavailableObserved) {
      Files.move(repository.directory(), workspace.resolve("platform.git.unreachable"));
      git.poll();
      sink.awaitPublished(gitSubject(), step.observedAt());
    } else if (step instanceof SourceRecoveredObserved) {
      Files.move(workspace.resolve("platform.git.unreachable"), repository.directory());
      git.poll();
      sink.awaitPublished(gitSubject(), step.observedAt());
    } else {
      throw new IllegalStateException("Week 02 has no " + step.getClass().getSimpleName());
    }
  }

  private String realSha(String placeholder) {
    int index = List.of(Week02.C1, Week02.C2, Week02.C3).indexOf(placeholder);
    return index < 0 ? placeholder : repository.sha(index + 1);
  }

  private String gitSubject() {
    return Observation.gitSubject(repository.url(), Week02.BRANCH);
  }

  @Override
  String commit(int number) {
    return repository.sha(number);
  }

  @Override
  String gitSource() {
    return gitSubject();
  }
}
