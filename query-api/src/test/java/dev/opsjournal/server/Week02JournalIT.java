package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.TestInfrastructure;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The proof of the journal: the week of {@code shared/scenarios/week-02.md}, published as
 * observations to a real Kafka broker, journaled by the server into a real PostgreSQL, and the
 * questions of the scenario answered through the REST API ({@link Week02Questions}). Publishing the
 * week a second time journals nothing new and changes no answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class Week02JournalIT extends Week02Questions {

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.register(registry, kafkaBroker);
  }

  @Autowired ObjectMapper json;
  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired EventProcessingConfiguration processing;

  JournalDriver driver;
  final List<Observation> week = Week02.observations();

  @BeforeAll
  void playTheWeek() {
    driver =
        new JournalDriver(
            kafka, json, processing, jdbc, kafkaBroker.bootstrapServers(), "ops-journal-server");
    driver.play(week, Week02::isRoutine);
  }

  @Override
  String gitSource() {
    return Week02.REPO + "#" + Week02.BRANCH;
  }

  @Override
  String commit(int number) {
    return List.of(Week02.C1, Week02.C2, Week02.C3).get(number - 1);
  }

  @Test
  @Order(8)
  void publishingTheWeekAgainJournalsNothingNewAndChangesNoAnswer() {
    List<JsonNode> before = answers();
    long events = driver.storedEvents();

    driver.play(week, Week02::isRoutine);

    assertThat(driver.storedEvents()).isEqualTo(events);
    assertThat(answers()).isEqualTo(before);
  }
}
