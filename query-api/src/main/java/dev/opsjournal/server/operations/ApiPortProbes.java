package dev.opsjournal.server.operations;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The liveness and readiness probes, also on the API port when the actuator moved to a management
 * port of its own: kubelets, the image's tests and existing Deployments probe the API port's {@code
 * /actuator/health/liveness} and {@code /readiness}, and Spring's own additional paths may not have
 * more than one segment.
 */
@Hidden
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ApiPortProbes {

  private final HealthEndpoint health;
  private final HttpCodeStatusMapper codes;

  ApiPortProbes(HealthEndpoint health, HttpCodeStatusMapper codes) {
    this.health = health;
    this.codes = codes;
  }

  @GetMapping(path = "/actuator/health/liveness", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> liveness() {
    return probe("liveness");
  }

  @GetMapping(path = "/actuator/health/readiness", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> readiness() {
    return probe("readiness");
  }

  private ResponseEntity<Map<String, String>> probe(String group) {
    HealthComponent component = health.healthForPath(group);
    if (component == null) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.status(codes.getStatusCode(component.getStatus()))
        .body(Map.of("status", component.getStatus().getCode()));
  }
}
