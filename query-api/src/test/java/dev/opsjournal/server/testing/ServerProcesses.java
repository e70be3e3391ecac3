package dev.opsjournal.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Servers a test runs as processes of their own: started through {@link #start}, awaited until
 * ready, stopped as Ctrl-C or a container stop would, and whatever is left stopped after the test.
 */
public final class ServerProcesses {

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();

  /** Starts the process, its output (stdout and stderr) to {@code log}. */
  public Process start(ProcessBuilder builder, Path log) throws IOException {
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(process);
    return process;
  }

  /** Waits until the server answers its readiness probe on {@code port}; fails if it ends first. */
  public void awaitReady(Process process, int port, Path log, Duration patience) {
    URI readiness = URI.create("http://localhost:" + port + "/actuator/health/readiness");
    await()
        .atMost(patience)
        .pollInterval(Duration.ofSeconds(1))
        .failFast(
            "the process ended before it was ready; see " + log,
            () -> {
              if (!process.isAlive()) {
                System.err.println(tail(log));
                return true;
              }
              return false;
            })
        .until(() -> ready(readiness));
  }

  /** SIGTERM, and the process must end by itself. */
  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s").isTrue();
  }

  /** For {@code @AfterEach}: what a failed test left running. */
  public void stopWhatIsLeft() throws InterruptedException {
    for (Process process : started) {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  public static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /** The Spring Boot jar of query-api that {@code mvn package} made: target/query-api-*.jar. */
  public static Path bootJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("query-api-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().endsWith("-sources.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("no target/query-api-*.jar: run mvn package first"));
    }
  }

  /** The last lines of a log, to print when a process failed. */
  public static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private boolean ready(URI readiness) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(readiness).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
