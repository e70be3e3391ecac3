package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git collector against real repositories (over {@code file://} and an in-process smart HTTP
 * server) publishing through the real Kafka sink to a real broker; what it published is read back
 * from {@code opsjournal.observations} with a plain consumer. Each test watches its own repository,
 * so its records are those under its own key.
 */
@Tag("integration") // left to failsafe even when -Dtest selects the package for surefire
class GitCollectorIT {

  @RegisterExtension static final KafkaTestBroker kafka = new KafkaTestBroker();

  private static final Instant NOW = Instant.parse("2026-11-19T15:00:30Z");
  private static final String PASSWORD = "s3cret-pw-4711";

  private static ObservationTopic topic;

  @TempDir Path dir;
  private GitFixture remote;
  private GitCollector collector;
  private GitHttpServer server;

  @BeforeAll
  static void connect() {
    topic = new ObservationTopic(kafka.bootstrapServers());
  }

  @AfterAll
  static void disconnect() {
    topic.close();
  }

  @AfterEach
  void close() {
    if (collector != null) {
      collector.close();
    }
    if (server != null) {
      server.close();
    }
    if (remote != null) {
      remote.close();
    }
  }

  @Test
  void givenNewCommits_whenPolled_thenTheyArePublishedOldestFirstKeyedByUrlAndBranch() {
    remote = GitFixture.create(dir.resolve("platform.git"));
    String a =
        remote.commit().by("alice", Instant.parse("2026-11-16T09:00:00Z")).put("a", "1").create();
    String b =
        remote.commit().by("bob", Instant.parse("2026-11-16T10:00:00Z")).put("b", "1").create();
    collector = collector(remote.url());

    collector.poll();

    List<ConsumerRecord<String, String>> records = topic.records(remote.url() + "#main");
    assertThat(records).hasSize(2);
    assertThat(records).extracting(ConsumerRecord::key).containsOnly(remote.url() + "#main");
    assertThat(records.get(0).value()).contains("\"type\":\"commit\"", "\"schemaVersion\":1");
    assertThat(commits(remote.url())).extracting(CommitObserved::sha).containsExactly(a, b);
    assertThat(commits(remote.url()).get(1).author().name()).isEqualTo("bob");

    String c = remote.commit().put("c", "1").create();
    collector.poll();
    assertThat(commits(remote.url())).extracting(CommitObserved::sha).containsExactly(a, b, c);
  }

  @Test
  void
      givenARestart_whenTheNewCollectorPolls_thenNothingIsPublishedTwiceAndCommitsMadeWhileDownFollow() {
    remote = GitFixture.create(dir.resolve("platform.git"));
    String a = remote.commit().put("a", "1").create();
    collector = collector(remote.url());
    collector.poll();
    collector.close();

    String b = remote.commit().put("a", "2").create();
    String c = remote.commit().put("a", "3").create();
    collector = collector(remote.url()); // same cache directory
    collector.poll();
    collector.poll();

    assertThat(commits(remote.url())).extracting(CommitObserved::sha).containsExactly(a, b, c);
  }

  @Test
  void givenAForcePush_whenPolled_thenTheRewriteWithTheLostCommitsComesBeforeTheNewCommits() {
    remote = GitFixture.create(dir.resolve("platform.git"));
    String a = remote.commit().put("a", "1").create();
    String b = remote.commit().put("a", "2").create();
    String c = remote.commit().put("a", "3").create();
    collector = collector(remote.url());
    collector.poll();

    String d = remote.commit().on(a).put("a", "amended").create();
    String e = remote.commit().put("e", "1").create();
    collector.poll();
    collector.poll();

    List<Observation> published = topic.observations(remote.url() + "#main");
    assertThat(published).hasSize(6);
    assertThat(published.subList(0, 3))
        .extracting(o -> ((CommitObserved) o).sha())
        .containsExactly(a, b, c);
    assertThat(published.get(3))
        .isEqualTo(new HistoryRewriteObserved(remote.url(), "main", NOW, c, e, List.of(b, c)));
    assertThat(published.subList(4, 6))
        .extracting(o -> ((CommitObserved) o).sha())
        .containsExactly(d, e);
  }

  @Test
  void
      givenTheHttpServerDownForSeveralPolls_whenItIsBack_thenOneOutageOneRecoveryAndTheMissedCommits()
          throws IOException {
    remote = GitFixture.create(dir.resolve("platform.git"));
    String a = remote.commit().put("a", "1").create();
    server = new GitHttpServer().serve("platform", remote.repository()).start();
    String url = server.url("platform");
    collector = collector(url);
    collector.poll();

    server.stop();
    collector.poll();
    collector.poll();
    collector.poll();
    String b = remote.commit().put("a", "2").create();
    server.start(); // the same port
    collector.poll();
    collector.poll();

    List<Observation> published = topic.observations(url + "#main");
    assertThat(published)
        .extracting(o -> o.getClass().getSimpleName())
        .containsExactly(
            "CommitObserved",
            "SourceUnavailableObserved",
            "SourceRecoveredObserved",
            "CommitObserved");
    assertThat(((CommitObserved) published.get(0)).sha()).isEqualTo(a);
    assertThat(((CommitObserved) published.get(0)).defaultBranch()).isTrue();
    assertThat(((SourceUnavailableObserved) published.get(1)).reason())
        .startsWith("fetch failed: ")
        .contains("127.0.0.1");
    assertThat(published.get(2)).isEqualTo(new SourceRecoveredObserved(url, "main", NOW));
    assertThat(((CommitObserved) published.get(3)).sha()).isEqualTo(b);
  }

  @Test
  void givenAServerRefusingTheCredentials_whenPolled_thenTheOutageNamesNoPassword()
      throws Exception {
    remote = GitFixture.create(dir.resolve("platform.git"));
    remote.commit().put("a", "1").create();
    server = new GitHttpServer().serve("platform", remote.repository()).start();
    server.refuseAuthentication(true);
    String url = server.url("platform");
    collector =
        new GitCollector(
            GitCollectorProperties.of(
                dir.resolve("cache"),
                List.of(
                    new RepositorySettings(
                        url, "main", null, "GIT_USER", "GIT_PASSWORD", null, null))),
            topic.sink(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Map.of("GIT_USER", "bob", "GIT_PASSWORD", PASSWORD)::get);

    collector.poll();
    collector.poll();

    List<ConsumerRecord<String, String>> records = topic.records(url + "#main");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).value()).doesNotContain(PASSWORD);
    SourceUnavailableObserved outage =
        (SourceUnavailableObserved)
            ObservationTopic.JSON.readValue(records.get(0).value(), Observation.class);
    assertThat(outage.reason()).startsWith("fetch failed: ").doesNotContain(PASSWORD);
    assertThat(Files.readString(dir.resolve("cache").resolve(Checkpoints.FILE_NAME)))
        .doesNotContain(PASSWORD);
  }

  @Test
  void givenCredentialsInTheUrl_whenRefused_thenNeitherKeyNorValueCarriesThem() throws IOException {
    remote = GitFixture.create(dir.resolve("platform.git"));
    remote.commit().put("a", "1").create();
    server = new GitHttpServer().serve("platform", remote.repository()).start();
    server.refuseAuthentication(true);
    String clean = server.url("platform");
    String withCredentials = clean.replace("http://", "http://bob:" + PASSWORD + "@");
    collector = collector(withCredentials);

    collector.poll();

    List<ConsumerRecord<String, String>> records = topic.records(clean + "#main");
    assertThat(records)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.key()).doesNotContain(PASSWORD);
              assertThat(r.value()).doesNotContain(PASSWORD).contains("source-unavailable");
            });
  }

  @Test
  void givenAProtocolV0Server_whenPolled_thenTheDefaultBranchComesFromTheAdvertisedHead()
      throws IOException {
    remote = GitFixture.create(dir.resolve("platform.git"));
    remote.commit().put("a", "1").create();
    remote.commit("release").put("r", "1").create();
    server = new GitHttpServer().serve("platform", remote.repository()).start();
    server.protocolV0Only();
    String url = server.url("platform");
    collector =
        new GitCollector(
            GitCollectorProperties.of(
                dir.resolve("cache"),
                List.of(RepositorySettings.of(url, "main"), RepositorySettings.of(url, "release"))),
            topic.sink(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            name -> null);

    collector.poll();

    assertThat(commits(url))
        .singleElement()
        .extracting(CommitObserved::defaultBranch)
        .isEqualTo(true);
    assertThat(topic.observations(url + "#release"))
        .singleElement()
        .extracting(o -> ((CommitObserved) o).defaultBranch())
        .isEqualTo(false);
  }

  @Test
  void givenTheWeek02Repository_whenCollectedThroughKafka_thenC1ToC3AreOnTheTopic() {
    try (Week02Repository week = Week02Repository.create(dir.resolve("week02.git"), 3)) {
      collector = collector(week.url());
      collector.poll();

      assertThat(commits(week.url()))
          .extracting(c -> c.sha(), c -> c.author().name())
          .containsExactly(
              tuple(week.sha(1), "alice"), tuple(week.sha(2), "bob"), tuple(week.sha(3), "alice"));
    }
  }

  private GitCollector collector(String url) {
    return new GitCollector(
        GitCollectorProperties.of(
            dir.resolve("cache"), List.of(RepositorySettings.of(url, "main"))),
        topic.sink(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        name -> null);
  }

  private static List<CommitObserved> commits(String url) {
    return topic.observations(url + "#main").stream()
        .filter(CommitObserved.class::isInstance)
        .map(CommitObserved.class::cast)
        .toList();
  }
}
