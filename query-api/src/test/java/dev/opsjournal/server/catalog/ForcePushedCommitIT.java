package dev.opsjournal.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.GitCollector;
import dev.opsjournal.collectors.git.GitCollectorProperties;
import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.MutableClock;
import dev.opsjournal.server.testing.TappedSink;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.TestTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Git repository (JGit) whose {@code main} is force-pushed from c3 to a rewritten c3',
 * observed by the real Git collector, through Kafka into the journal: the commit pushed away must
 * say, through REST and in the weekly journal, that it is no longer reachable, since when and by
 * which push; the commits still on the branch must not.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.main.allow-bean-definition-overriding=true")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForcePushedCommitIT {

  private static final Instant PUSHED = Instant.parse("2026-11-19T10:12:00Z");

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @TempDir static Path workspace;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

  @TestConfiguration
  static class Pipeline {

    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock(Week02Repository.C1_AT);
    }

    @Bean
    @Primary
    TappedSink observationSink(KafkaTemplate<String, String> kafka, ObjectMapper json) {
      return TappedSink.toKafka(kafka, json);
    }
  }

  @Autowired MutableClock clock;
  @Autowired TappedSink sink;
  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  Week02Repository repository;
  GitCollector git;
  String pushedAway;
  String kept;
  String newHead;

  @BeforeAll
  void commitThenForcePush() {
    TestTokens.authorized(http);
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
                        Week02Repository.BRANCH,
                        Duration.ofHours(1000),
                        null,
                        null,
                        null,
                        null))),
            sink,
            clock);
    List<Instant> commitTimes =
        List.of(Week02Repository.C1_AT, Week02Repository.C2_AT, Week02Repository.C3_AT);
    for (int n = 1; n <= 3; n++) {
      Instant seen = commitTimes.get(n - 1).plusSeconds(30);
      clock.set(seen);
      repository.commitUpTo(n);
      git.poll();
      sink.awaitPublished(subject(), seen);
    }
    kept = repository.sha(2);
    pushedAway = repository.sha(3);
    newHead =
        repository.forcePushReplacing(
            3, "carol", PUSHED.minusSeconds(40), Week02Repository.C3_MESSAGE + " (rewritten)");
    clock.set(PUSHED);
    git.poll();
    sink.awaitPublished(subject(), PUSHED);
    driver.settle();
  }

  @AfterAll
  void close() {
    git.close();
    repository.close();
  }

  @Test
  void theCommitPushedAwayIsNoLongerReachableSinceThePushAndSaysWhichPush() {
    JsonNode commit = get("/api/v1/commits/" + pushedAway);
    assertThat(commit.get("sha").asText()).isEqualTo(pushedAway);
    assertThat(commit.get("reachable").asBoolean()).isFalse();
    assertThat(Instant.parse(commit.get("unreachableSince").asText())).isEqualTo(PUSHED);
    JsonNode push = commit.get("rewrittenBy");
    assertThat(push.get("from").asText()).isEqualTo(pushedAway);
    assertThat(push.get("to").asText()).isEqualTo(newHead);
    assertThat(Instant.parse(push.get("at").asText())).isEqualTo(PUSHED);
  }

  @Test
  void theCommitsStillOnTheBranchAreReachable() {
    for (String sha : List.of(kept, newHead)) {
      JsonNode commit = get("/api/v1/commits/" + sha);
      assertThat(commit.get("reachable").asBoolean()).as(sha).isTrue();
      assertThat(commit.hasNonNull("unreachableSince")).as(sha).isFalse();
      assertThat(commit.hasNonNull("rewrittenBy")).as(sha).isFalse();
    }
  }

  @Test
  void theWeeklyCommitListMarksTheCommitPushedAway() {
    ResponseEntity<String> weekly =
        http.getForEntity("/api/v1/journal/weekly?week=2026-W47", String.class);
    assertThat(weekly.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<String> lines = weekly.getBody().lines().toList();
    assertThat(lines)
        .filteredOn(l -> commitLine(l, pushedAway))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("(force-pushed away on Thu 10:12:00)"));
    assertThat(lines)
        .filteredOn(l -> commitLine(l, kept))
        .singleElement()
        .satisfies(l -> assertThat(l).doesNotContain("force-pushed away"));
  }

  /** A line of the commit list about {@code sha}: its time, the sha, then its author. */
  private static boolean commitLine(String line, String sha) {
    String shortSha = "`" + sha.substring(0, 7) + "`";
    return line.startsWith("- ")
        && line.contains(shortSha)
        && !line.contains("history rewritten")
        && line.indexOf(" by ", line.indexOf(shortSha)) > 0;
  }

  private String subject() {
    return Observation.gitSubject(repository.url(), Week02Repository.BRANCH);
  }

  private JsonNode get(String uri) {
    ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
    assertThat(response.getStatusCode())
        .as("GET %s: %s", uri, response.getBody())
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }
}
