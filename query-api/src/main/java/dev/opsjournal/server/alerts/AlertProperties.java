package dev.opsjournal.server.alerts;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsjournal.alerts.*}.
 *
 * @param driftOpenThreshold how long a drift may stay open before it alerts
 * @param driftOpenThresholds per Application ({@code namespace/name}), overriding the default
 * @param publishInterval how often the outbox of transitions is published
 */
@ConfigurationProperties("opsjournal.alerts")
public record AlertProperties(
    @DefaultValue("15m") Duration driftOpenThreshold,
    Map<String, Duration> driftOpenThresholds,
    @DefaultValue("500ms") Duration publishInterval) {

  public AlertProperties {
    driftOpenThresholds = driftOpenThresholds == null ? Map.of() : Map.copyOf(driftOpenThresholds);
  }

  Duration driftOpenThreshold(String application) {
    return driftOpenThresholds.getOrDefault(application, driftOpenThreshold);
  }
}
