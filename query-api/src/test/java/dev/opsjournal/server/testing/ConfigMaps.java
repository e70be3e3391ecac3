package dev.opsjournal.server.testing;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** ConfigMap observations for the ingest tests: the smallest valid resource observation. */
public final class ConfigMaps {

  private ConfigMaps() {}

  /** The ConfigMap as written at {@code at}, seen then. */
  public static ResourceObserved configMap(ResourceKey key, String at) {
    return configMap(key, at, at);
  }

  /** The ConfigMap as written at {@code at}, seen at {@code seenAt}. */
  public static ResourceObserved configMap(ResourceKey key, String at, String seenAt) {
    Instant time = Instant.parse(at);
    return new ResourceObserved(
        key,
        Instant.parse(seenAt),
        WatchAction.ADDED,
        "0c0c0c0c-0000-4000-8000-" + Math.abs(key.name().hashCode()),
        Long.toString(time.getEpochSecond()),
        0,
        Map.of(),
        Map.of(),
        List.of(
            new ManagedFieldsEntry(
                "kubectl-client-side-apply", "Update", "", time, List.of("data.config"))),
        "fingerprint-" + key.name());
  }
}
