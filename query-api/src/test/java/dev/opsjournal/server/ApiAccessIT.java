package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.server.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Reading the journal needs a bearer token: a static one (from configuration or a tokens file) or a
 * JWT signed by the configured issuer's key. Health and the OpenAPI document stay open. Tokens
 * never reach the log.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ApiAccessIT {

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  static final String CONFIGURED_TOKEN = "configured-token-0d6e4f";
  static final String FILE_TOKEN = "file-token-9b27c1";
  static final KeyPair ISSUER = rsaKeyPair();
  static final KeyPair STRANGER = rsaKeyPair();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", kafkaBroker::bootstrapServers);
    registry.add("spring.datasource.url", TestPostgres::newDatabase);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("opsjournal.api.tokens", () -> CONFIGURED_TOKEN);
    registry.add(
        "opsjournal.api.tokens-file", () -> write("tokens", "# auditors\n\n" + FILE_TOKEN + "\n"));
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> "file:" + write("issuer.pub", pem(ISSUER)));
  }

  @Autowired TestRestTemplate http;

  @Test
  void withoutATokenTheApiAnswers401AsAProblemWithABearerChallenge(CapturedOutput log) {
    ResponseEntity<JsonNode> answer = get("/api/v1/drifts", null);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
    assertThat(answer.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(answer.getBody().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void anUnknownTokenIsRefusedAndNeverLogged(CapturedOutput log) {
    assertThat(get("/api/v1/conflicts", "guessed-token-123").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/v1/conflicts", CONFIGURED_TOKEN + "x").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    assertThat(log.getAll()).doesNotContain("guessed-token-123").doesNotContain(CONFIGURED_TOKEN);
  }

  @Test
  void configuredAndFileTokensReadTheJournal(CapturedOutput log) {
    assertThat(get("/api/v1/conflicts", CONFIGURED_TOKEN).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/v1/drifts", FILE_TOKEN).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(log.getAll()).doesNotContain(CONFIGURED_TOKEN).doesNotContain(FILE_TOKEN);
  }

  @Test
  void aJwtFromTheIssuerReadsTheJournalAndOthersDoNot() throws JOSEException {
    Instant later = Instant.now().plusSeconds(300);
    assertThat(get("/api/v1/outages", jwt(ISSUER.getPrivate(), later)).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(get("/api/v1/outages", jwt(STRANGER.getPrivate(), later)).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(
            get("/api/v1/outages", jwt(ISSUER.getPrivate(), Instant.now().minusSeconds(600)))
                .getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void healthAndTheOpenApiDocumentAreOpen() {
    assertThat(get("/actuator/health/readiness", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    ResponseEntity<JsonNode> openApi = get("/v3/api-docs", null);
    assertThat(openApi.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void theOpenApiDocumentDescribesEveryEndpointParameterAndSchema() {
    JsonNode api = get("/v3/api-docs", null).getBody();

    assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asText())
        .isEqualTo("bearer");
    List<String> paths = new ArrayList<>();
    api.get("paths")
        .fields()
        .forEachRemaining(
            path -> {
              paths.add(path.getKey());
              path.getValue()
                  .forEach(
                      operation -> {
                        assertThat(operation.path("summary").asText())
                            .as(path.getKey())
                            .isNotBlank();
                        assertThat(operation.path("description").asText())
                            .as(path.getKey())
                            .isNotBlank();
                        operation
                            .path("parameters")
                            .forEach(
                                parameter ->
                                    assertThat(parameter.path("description").asText())
                                        .as(path.getKey() + " " + parameter.get("name"))
                                        .isNotBlank());
                      });
            });
    assertThat(paths)
        .contains(
            "/api/v1/resources/owners",
            "/api/v1/resources/timeline",
            "/api/v1/applications/{namespace}/{name}/syncs",
            "/api/v1/drifts",
            "/api/v1/conflicts",
            "/api/v1/outages",
            "/api/v1/commits/{sha}",
            "/api/v1/search");
    api.get("components")
        .get("schemas")
        .fields()
        .forEachRemaining(
            schema ->
                assertThat(schema.getValue().path("description").asText())
                    .as("schema " + schema.getKey())
                    .isNotBlank());
  }

  private ResponseEntity<JsonNode> get(String path, String token) {
    HttpHeaders headers = new HttpHeaders();
    if (token != null) {
      headers.setBearerAuth(token);
    }
    return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
  }

  private static String jwt(PrivateKey key, Instant expires) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader(JWSAlgorithm.RS256),
            new JWTClaimsSet.Builder()
                .subject("auditor@example.com")
                .issueTime(Date.from(Instant.now().minusSeconds(900)))
                .expirationTime(Date.from(expires))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  private static String write(String name, String content) {
    try {
      Path file = Files.createTempFile("ops-journal-" + name, "");
      Files.writeString(file, content);
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
