package dev.opsjournal.collectors.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsjournal.core.observation.Observation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The reference objects of {@code shared/reference}, copied verbatim under test resources. */
final class Fixtures {

  /** The wire format, as the Spring Boot mapper the sink uses writes it. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private Fixtures() {}

  static GenericKubernetesResource load(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/reference/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return Serialization.unmarshal(in, GenericKubernetesResource.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GenericKubernetesResource yaml(String text) {
    return Serialization.unmarshal(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        GenericKubernetesResource.class);
  }

  static String json(Observation observation) {
    try {
      return JSON.writeValueAsString(observation);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
