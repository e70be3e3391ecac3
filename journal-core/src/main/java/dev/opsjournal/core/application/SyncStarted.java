package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * A sync operation began.
 *
 * @param operationId identifies the operation within the Application: its start time
 * @param initiatedBy the user, or {@code automated} (auto-sync and self-heal)
 * @param resources the resources of a partial sync; empty for a full one
 */
public record SyncStarted(
    ResourceKey application,
    String operationId,
    String revision,
    String initiatedBy,
    boolean automated,
    List<String> resources,
    Instant startedAt,
    Instant at)
    implements ApplicationEvent {

  public boolean partial() {
    return !resources.isEmpty();
  }
}
