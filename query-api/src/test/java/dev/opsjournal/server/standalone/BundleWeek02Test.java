package dev.opsjournal.server.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsjournal.collectors.replay.ExampleRepository;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.server.testing.Week02Cluster;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled Week 02 capture ({@code src/main/resources/examples/week-02/capture.json.gz}): every
 * object of the scenario's week as a watch event, wrapped with the time it was observed, made by
 * the same object conversion the pipeline test writes to its mock cluster, with the revisions of
 * the repository {@link ExampleRepository} builds from the example's files. Verifies the committed
 * file is what the scenario gives; with {@code -Dopsjournal.bundle.write=true} writes it instead.
 */
class BundleWeek02Test {

  static final Path CAPTURE = Path.of("src/main/resources/" + StandaloneReplay.WEEK_02_CAPTURE);

  @TempDir Path workspace;

  @Test
  void theBundledCaptureIsTheWeekOfTheScenario() throws IOException {
    String capture = capture(workspace.resolve("platform.git"));
    if (Boolean.getBoolean("opsjournal.bundle.write")) {
      Files.createDirectories(CAPTURE.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(CAPTURE))) {
        out.write(capture.getBytes(StandardCharsets.UTF_8));
      }
    }
    StringWriter committed = new StringWriter();
    try (Reader in = StandaloneReplay.reader(Files.newInputStream(CAPTURE))) {
      in.transferTo(committed);
    }
    assertThat(committed.toString())
        .as(
            "%s is out of date: run mvn -pl query-api test -Dtest=BundleWeek02Test"
                + " -Dopsjournal.bundle.write=true",
            CAPTURE)
        .isEqualTo(capture);
  }

  static String capture(Path repository) {
    ExampleRepository platform = ExampleRepository.load(StandaloneReplay.WEEK_02);
    List<String> shas = platform.create(repository);
    List<String> placeholders = List.of(Week02.C1, Week02.C2, Week02.C3);
    Week02Cluster cluster =
        new Week02Cluster(
            null,
            sha -> placeholders.contains(sha) ? shas.get(placeholders.indexOf(sha)) : sha,
            platform.url());
    ObjectMapper json = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    StringBuilder out = new StringBuilder();
    for (Observation step : Week02.observations()) {
      GenericKubernetesResource object;
      String type;
      String resourceVersion;
      if (step instanceof ResourceObserved resource) {
        object = cluster.toObject(resource);
        type = resource.action().name();
        resourceVersion = resource.resourceVersion();
      } else if (step instanceof ApplicationObserved application) {
        object = cluster.toObject(application);
        type = application.action().name();
        resourceVersion = application.resourceVersion();
      } else {
        continue; // heartbeats are implied by the replay; commits come from the repository
      }
      object.getMetadata().setResourceVersion(resourceVersion);
      ObjectNode value = json.createObjectNode();
      value.put("observedAt", step.observedAt().toString());
      value.put("type", type);
      value.set("object", json.valueToTree(object));
      out.append(value).append('\n');
    }
    return out.toString();
  }
}
