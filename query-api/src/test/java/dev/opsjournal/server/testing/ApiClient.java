package dev.opsjournal.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** REST GETs against a running server's {@code /api/v1}, with the tests' bearer token. */
public final class ApiClient {

  /** An answer: the status and the body, as sent. */
  public record Answer(int status, String body) {
    @Override
    public String toString() {
      return status + "\n" + body;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** GETs {@code pathAndQuery} (already encoded), whatever the status. */
  public Answer get(String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TestTokens.TOKEN)
            .GET()
            .build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + pathAndQuery, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: GET " + pathAndQuery, e);
    }
  }

  /** GETs a JSON answer that must be 200. */
  public JsonNode json(String pathAndQuery) {
    Answer answer = get(pathAndQuery);
    if (answer.status() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + ": " + answer);
    }
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + pathAndQuery + ": not JSON", e);
    }
  }
}
