package dev.opsjournal.server.testing;

import dev.opsjournal.collectors.testing.KafkaTestBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every server integration test points the server at: its broker, a fresh database, a token.
 */
public final class TestInfrastructure {

  private TestInfrastructure() {}

  public static void register(DynamicPropertyRegistry registry, KafkaTestBroker kafkaBroker) {
    registry.add("spring.kafka.bootstrap-servers", kafkaBroker::bootstrapServers);
    registry.add("spring.datasource.url", TestPostgres::newDatabase);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("opsjournal.api.tokens", () -> TestTokens.TOKEN);
  }
}
