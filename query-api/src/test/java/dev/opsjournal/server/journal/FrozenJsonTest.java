package dev.opsjournal.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.opsjournal.core.alert.Alert;
import dev.opsjournal.core.application.ApplicationEvent;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.resource.ResourceEvent;
import dev.opsjournal.core.source.SourceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.InfraConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

/**
 * Freezes the JSON that outlives the code: every observation on the wire, every event in the store,
 * and the alert. A renamed record field, a new enum spelling or a changed time format fails here,
 * before it reaches stored data. Serialized with the server's own configuration: the Spring Boot
 * {@code ObjectMapper} as {@code application.yml} sets it up (the ingest, the collectors' publisher
 * and the alert ledger use it) and the Axon event serializer built on it.
 *
 * <p>The files under {@code src/test/resources/frozen/} are the contract: change one only together
 * with an upcaster or a schema version, never to make this test pass.
 */
@JsonTest
@ImportAutoConfiguration({
  AxonAutoConfiguration.class,
  EventProcessingAutoConfiguration.class,
  InfraConfiguration.class,
  ObjectMapperAutoConfiguration.class,
  NoOpTransactionAutoConfiguration.class
})
class FrozenJsonTest {

  private static final String FIXTURES = "/frozen/";
  private static final Path ACTUAL = Path.of("target", "frozen-actual");

  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer events;

  @Test
  void theEventSerializerIsAxonsJacksonSerializerOverTheServersObjectMapper() {
    assertThat(events).isInstanceOf(JacksonSerializer.class);
    assertThat(((JacksonSerializer) events).getObjectMapper()).isSameAs(json);
  }

  @TestFactory
  Stream<DynamicTest> everyObservationKeepsItsJson() {
    return FrozenSamples.observations().stream()
        .map(
            observation ->
                DynamicTest.dynamicTest(
                    name(observation),
                    () -> {
                      String written = json.writeValueAsString(observation);
                      String frozen = frozen(observation, written);
                      assertThat(json.readTree(written)).isEqualTo(json.readTree(frozen));
                      assertThat(json.readValue(frozen, Observation.class)).isEqualTo(observation);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyEventKeepsItsStoredPayloadAndType() {
    return FrozenSamples.events().stream()
        .map(
            event ->
                DynamicTest.dynamicTest(
                    name(event),
                    () -> {
                      SerializedObject<String> stored = events.serialize(event, String.class);
                      // Axon stores the class name as the payload type: a moved class is a rename
                      assertThat(stored.getType().getName()).isEqualTo(event.getClass().getName());
                      String frozen = frozen(event, stored.getData());
                      assertThat(json.readTree(stored.getData())).isEqualTo(json.readTree(frozen));
                      Object read =
                          events.deserialize(
                              new SimpleSerializedObject<>(
                                  frozen, String.class, stored.getType().getName(), null));
                      assertThat(read).isEqualTo(event);
                    }));
  }

  @Test
  void aMultiSourceApplicationObservationKeepsItsJson() throws Exception {
    ApplicationObserved observation = FrozenSamples.multiSourceApplicationObserved();
    String written = json.writeValueAsString(observation);
    String frozen = frozen("ApplicationObserved-multi-source.json", written);

    assertThat(json.readTree(written)).isEqualTo(json.readTree(frozen));
    assertThat(json.readValue(frozen, Observation.class)).isEqualTo(observation);
  }

  /**
   * The JSON written before multi-source Applications were read ({@code frozen/before/}) still
   * reads: as today's frozen JSON with every field it lacked at its empty default.
   */
  @TestFactory
  Stream<DynamicTest> jsonWrittenBeforeMultiSourceApplicationsStillReads() {
    return Stream.of(
            "ApplicationObserved",
            "ApplicationRegistered",
            "ApplicationSpecChanged",
            "SyncStarted",
            "SyncCompleted")
        .map(
            type ->
                DynamicTest.dynamicTest(
                    type,
                    () -> {
                      String before = resource(FIXTURES + "before/" + type + ".json");
                      JsonNode read =
                          json.readTree(
                              type.equals("ApplicationObserved")
                                  ? json.writeValueAsString(
                                      json.readValue(before, Observation.class))
                                  : (String)
                                      events
                                          .serialize(
                                              events.deserialize(
                                                  new SimpleSerializedObject<>(
                                                      before,
                                                      String.class,
                                                      "dev.opsjournal.core.application." + type,
                                                      null)),
                                              String.class)
                                          .getData());
                      JsonNode expected = json.readTree(before);
                      emptyListsWhereAbsent(expected, read);
                      assertThat(read).isEqualTo(expected);
                    }));
  }

  /** Adds to {@code expected} each list field {@code read} has and it lacks, as an empty list. */
  private static void emptyListsWhereAbsent(JsonNode expected, JsonNode read) {
    if (expected instanceof ObjectNode object) {
      read.fieldNames()
          .forEachRemaining(
              field -> {
                if (!object.has(field) && read.get(field).isArray()) {
                  object.putArray(field);
                } else if (object.has(field)) {
                  emptyListsWhereAbsent(object.get(field), read.get(field));
                }
              });
    } else if (expected instanceof ArrayNode array) {
      for (int i = 0; i < array.size() && i < read.size(); i++) {
        emptyListsWhereAbsent(array.get(i), read.get(i));
      }
    }
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = FrozenJsonTest.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("no file " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theAlertKeepsItsJson() throws Exception {
    Alert alert = FrozenSamples.alert();
    String written = json.writeValueAsString(alert);
    String frozen = frozen(alert, written);

    assertThat(json.readTree(written)).isEqualTo(json.readTree(frozen));
    assertThat(json.readValue(frozen, Alert.class)).isEqualTo(alert);
  }

  @Test
  void everyObservationEventAndAlertTypeHasAFrozenSample() {
    JavaClasses core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.opsjournal.core");
    Set<String> found = new TreeSet<>();
    for (JavaClass type : core) {
      if (isStored(type)) {
        found.add(type.getName());
      }
    }
    Set<String> sampled = new TreeSet<>();
    Stream.of(FrozenSamples.observations(), FrozenSamples.events(), List.of(FrozenSamples.alert()))
        .flatMap(List::stream)
        .forEach(sample -> sampled.add(sample.getClass().getName()));

    assertThat(found).as("the scan finds the journal's types").contains(Alert.class.getName());
    assertThat(sampled)
        .as("each stored or sent type needs a sample in FrozenSamples and a frozen file")
        .isEqualTo(found);
  }

  /**
   * Stored or sent: an observation, an event of a feature's sealed event interface, an event an
   * aggregate replays ({@code @EventSourcingHandler}), a cluster record that is not a command (that
   * package has no event interface), or the alert.
   */
  private static boolean isStored(JavaClass type) {
    if (type.isNestedClass() || !type.reflect().isRecord()) {
      return false;
    }
    Class<?> reflected = type.reflect();
    boolean isCommand =
        type.getMethods().stream()
            .anyMatch(m -> m.isAnnotatedWith(TargetAggregateIdentifier.class));
    return Observation.class.isAssignableFrom(reflected)
        || ResourceEvent.class.isAssignableFrom(reflected)
        || ApplicationEvent.class.isAssignableFrom(reflected)
        || SourceEvent.class.isAssignableFrom(reflected)
        || replayedByAnAggregate(type)
        || (type.getPackageName().equals("dev.opsjournal.core.cluster") && !isCommand)
        || reflected == Alert.class;
  }

  private static boolean replayedByAnAggregate(JavaClass type) {
    return type.getMethodsWithParameterTypeOfSelf().stream()
        .filter(m -> m.getRawParameterTypes().size() == 1)
        .anyMatch(m -> m.isAnnotatedWith(EventSourcingHandler.class));
  }

  private static String name(Object sample) {
    return sample.getClass().getSimpleName();
  }

  /**
   * The committed JSON of the sample's type. A type without one fails, leaving today's JSON in
   * {@code target/frozen-actual/} to be reviewed and committed on purpose.
   */
  private String frozen(Object sample, String written) throws IOException {
    return frozen(name(sample) + ".json", written);
  }

  private String frozen(String file, String written) throws IOException {
    try (InputStream in = FrozenJsonTest.class.getResourceAsStream(FIXTURES + file)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    Files.createDirectories(ACTUAL);
    Files.writeString(
        ACTUAL.resolve(file),
        json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(written)) + "\n");
    throw new AssertionError(
        "no frozen JSON "
            + file
            + ": review target/frozen-actual/"
            + file
            + " and commit it as src/test/resources/frozen/"
            + file);
  }
}
