package dev.opsjournal.server.testing;

import org.springframework.boot.test.web.client.TestRestTemplate;

/** The API token the integration tests' servers accept, and a client that sends it. */
public final class TestTokens {

  /** Configure a server with {@code opsjournal.api.tokens=} this. */
  public static final String TOKEN = "test-token-5c1f0e2b9a";

  private TestTokens() {}

  /** Makes every request of this client carry the bearer token. */
  public static TestRestTemplate authorized(TestRestTemplate http) {
    http.getRestTemplate()
        .getInterceptors()
        .add(
            (request, body, execution) -> {
              request.getHeaders().setBearerAuth(TOKEN);
              return execution.execute(request, body);
            });
    return http;
  }
}
