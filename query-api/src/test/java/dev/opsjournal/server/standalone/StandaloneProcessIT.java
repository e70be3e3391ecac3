package dev.opsjournal.server.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.testing.ServerProcesses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a process of its own: the standalone mode with the bundled Week 02
 * example, on a fresh data directory and free ports. It becomes ready once the week is journaled;
 * the owners query and the weekly journal answer as the scenario says; SIGTERM stops it; a second
 * start on the same data directory finds the journal there and journals nothing twice.
 */
class StandaloneProcessIT {

  private static final String TOKEN = StandaloneInfrastructure.DEFAULT_TOKEN;
  private static final Duration STARTUP = Duration.ofMinutes(6);
  private static final String OWNERS =
      "/api/v1/resources/owners?cluster=local&group=apps&kind=Deployment&namespace=ops-journal"
          + "&name=ops-journal&at=2026-11-17T12:00:00Z";
  private static final String TIMELINE =
      "/api/v1/resources/timeline?cluster=local&group=apps&kind=Deployment&namespace=ops-journal"
          + "&name=ops-journal&from=2026-11-16T00:00:00Z&to=2026-11-23T00:00:00Z&limit=1000";
  private static final String WEEKLY = "/api/v1/journal/weekly?week=2026-W47";

  @TempDir Path workspace;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ServerProcesses processes = new ServerProcesses();
  private int httpPort;
  private int kafkaPort;
  private int controllerPort;
  private int postgresPort;

  @AfterEach
  void stopWhatIsLeft() throws InterruptedException {
    processes.stopWhatIsLeft();
  }

  @Test
  void journalsTheBundledWeekAndKeepsItAcrossARestart() throws Exception {
    int[] ports = ServerProcesses.freePorts(4);
    httpPort = ports[0];
    kafkaPort = ports[1];
    controllerPort = ports[2];
    postgresPort = ports[3];
    Path dataDir = workspace.resolve("data");

    Process first = start(dataDir, workspace.resolve("first.log"));
    processes.awaitReady(first, httpPort, workspace.resolve("first.log"), STARTUP);
    assertThat(get(OWNERS))
        .contains("\"application\":\"argocd/ops-journal-dev\"")
        .contains("\"inConflict\":false")
        .doesNotContain("ops-journal-staging");
    String weekly = get(WEEKLY);
    assertThat(weekly).contains("ops-journal-staging").contains("21 min");
    String timeline = get(TIMELINE);
    long events = storedEvents();
    assertThat(events).isPositive();
    ServerProcesses.stop(first); // SIGTERM, as Ctrl-C or a container stop
    assertThat(Files.readString(workspace.resolve("first.log")))
        .contains("Kafka: in-process KRaft broker listening on localhost:" + kafkaPort)
        .contains("PostgreSQL: embedded server listening on localhost:" + postgresPort)
        .contains("the API takes the bearer token 'standalone'")
        .contains("Replay example-week-02 done")
        .contains("Kafka: stopped")
        .contains("PostgreSQL: stopped")
        // every Kafka client closes with the context, before the broker stops
        .doesNotContain("could not be established");

    Process second = start(dataDir, workspace.resolve("second.log"));
    processes.awaitReady(second, httpPort, workspace.resolve("second.log"), STARTUP);
    assertThat(Files.readString(workspace.resolve("second.log")))
        .contains("Replay example-week-02: already done")
        .contains(
            "data in " + dataDir.resolve("postgres").toAbsolutePath().normalize() + " (existing)");
    assertThat(get(OWNERS)).contains("\"application\":\"argocd/ops-journal-dev\"");
    assertThat(get(WEEKLY)).isEqualTo(weekly);
    assertThat(get(TIMELINE)).isEqualTo(timeline);
    assertThat(storedEvents()).as("events stored after the restart").isEqualTo(events);
    ServerProcesses.stop(second);
  }

  private Process start(Path dataDir, Path log) throws IOException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            ServerProcesses.bootJar().toAbsolutePath().toString(),
            "--opsjournal.standalone.enabled=true",
            "--opsjournal.standalone.example=week-02",
            "--opsjournal.standalone.data-dir=" + dataDir,
            "--opsjournal.standalone.kafka.port=" + kafkaPort,
            "--opsjournal.standalone.kafka.controller-port=" + controllerPort,
            "--opsjournal.standalone.postgres.port=" + postgresPort,
            "--server.port=" + httpPort);
    return processes.start(new ProcessBuilder(command).directory(workspace.toFile()), log);
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + TOKEN).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return response.body();
  }

  private long storedEvents() throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + postgresPort + "/opsjournal", "postgres", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from domainevententry")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + httpPort + path);
  }
}
