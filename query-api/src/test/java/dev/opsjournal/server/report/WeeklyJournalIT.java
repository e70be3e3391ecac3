package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.TestInfrastructure;
import dev.opsjournal.server.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.EventProcessingConfiguration;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The weekly journal of the Week 02 scenario: the week played through a real Kafka broker into a
 * real PostgreSQL, then asked for over HTTP and compared byte for byte with the reviewed golden
 * file {@code golden/journal-2026-W47.md}. The rendered text is also written to {@code
 * target/weekly/} so that a change can be read and, once read, copied over the golden file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeeklyJournalIT {

  /** The Monday morning after the week, when the team reads its journal. */
  static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  static final Path GOLDEN = Path.of("src/test/resources/golden/journal-2026-W47.md");
  static final Path RENDERED = Path.of("target/weekly/journal-2026-W47.md");

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    Clock fixedClock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;
  @Autowired JdbcTemplate jdbc;
  @Autowired WeeklyJournalExport export;

  @BeforeAll
  void playTheWeek() {
    TestTokens.authorized(http);
    new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server")
        .play(Week02.observations(), Week02::isRoutine);
  }

  @Test
  void theWeekReadsAsTheGoldenJournal() throws IOException {
    ResponseEntity<byte[]> response =
        http.getForEntity("/api/v1/journal/weekly?week=2026-W47", byte[].class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.parseMediaType("text/markdown;charset=UTF-8"));
    byte[] rendered = response.getBody();
    Files.createDirectories(RENDERED.getParent());
    Files.write(RENDERED, rendered);
    assertThat(new String(rendered, StandardCharsets.UTF_8))
        .as("the journal of 2026-W47 (rendered to %s)", RENDERED.toAbsolutePath())
        .isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    assertThat(rendered).isEqualTo(Files.readAllBytes(GOLDEN));
  }

  @Test
  void oneClusterIsTheSameWeekAndAnotherClusterHasNothing() throws IOException {
    String local = markdown("/api/v1/journal/weekly?week=2026-W47&cluster=local");
    String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);

    assertThat(local)
        .isEqualTo(
            golden.replace("All clusters. Times are UTC.", "Cluster `local`. Times are UTC."));
    assertThat(markdown("/api/v1/journal/weekly?week=2026-W47&cluster=prod"))
        .isEqualTo("Nothing was journaled in 2026-W47 for cluster `prod`.\n");
  }

  @Test
  void aWeekWithNothingInItSaysSoInOneLine() {
    assertThat(markdown("/api/v1/journal/weekly?week=2026-W03"))
        .isEqualTo("Nothing was journaled in 2026-W03.\n");
  }

  @Test
  void aWeekThatHasNotBegunIsABadRequest() throws IOException {
    String current = markdown("/api/v1/journal/weekly?week=2026-W48");
    Files.createDirectories(RENDERED.getParent());
    Files.writeString(RENDERED.resolveSibling("journal-2026-W48.md"), current);
    assertThat(current)
        .startsWith("# Journal — 2026-W48")
        .contains("- Still open: the conflict between ops-journal-dev and ops-journal-staging");

    assertProblem("/api/v1/journal/weekly?week=2026-W49", "week", "2026-W49 has not begun yet");
  }

  @Test
  void aMalformedOrMissingWeekIsABadRequestNamingWeek() {
    assertProblem("/api/v1/journal/weekly?week=2026-47", "week", "not an ISO week");
    assertProblem("/api/v1/journal/weekly?week=2026-W54", "week", "2026 has weeks 01 to 53");
    assertProblem("/api/v1/journal/weekly?week=2026-W47x", "week", "not an ISO week");
    assertProblem("/api/v1/journal/weekly", "week", "required");
    assertProblem("/api/v1/journal/weekly?week=2026-W47&cluster=a/b", "cluster", "not a cluster");
  }

  @Test
  void theExportWritesTheSameJournalToAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("reports/journal-2026-W47.md");

    int code = export.export("2026-W47", file, null, Duration.ofSeconds(30));

    assertThat(code).isEqualTo(WeeklyJournalExport.WRITTEN);
    assertThat(Files.readAllBytes(file)).isEqualTo(Files.readAllBytes(GOLDEN));
  }

  @Test
  void theExportRefusesABadWeekWithoutWriting(@TempDir Path dir) {
    Path file = dir.resolve("journal.md");

    assertThat(export.export("2026-W99", file, null, Duration.ofSeconds(30)))
        .isEqualTo(WeeklyJournalExport.BAD_REQUEST);
    assertThat(export.export("2027-W01", file, null, Duration.ofSeconds(30)))
        .isEqualTo(WeeklyJournalExport.BAD_REQUEST);
    assertThat(export.export("2026-W47", null, null, Duration.ofSeconds(30)))
        .isEqualTo(WeeklyJournalExport.BAD_REQUEST);
    assertThat(file).doesNotExist();
  }

  private String markdown(String uri) {
    ResponseEntity<String> response = http.getForEntity(uri, String.class);
    assertThat(response.getStatusCode()).as("GET %s", uri).isEqualTo(HttpStatus.OK);
    assertThat(
            response
                .getHeaders()
                .getContentType()
                .isCompatibleWith(MediaType.parseMediaType("text/markdown")))
        .isTrue();
    return response.getBody();
  }

  private void assertProblem(String uri, String parameter, String detail) {
    ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
    assertThat(response.getStatusCode()).as("GET %s", uri).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("parameter").asText()).isEqualTo(parameter);
    assertThat(response.getBody().get("detail").asText()).contains(detail);
  }
}
