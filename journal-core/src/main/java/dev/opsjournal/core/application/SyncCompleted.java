package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.OperationPhase;
import java.time.Instant;
import java.util.List;

/**
 * A sync operation ended. Partial syncs (self-heal) are recorded too: Argo CD's own history never
 * keeps them.
 *
 * @param phase Succeeded, Failed or Error
 */
public record SyncCompleted(
    ResourceKey application,
    String operationId,
    String phase,
    String revision,
    String initiatedBy,
    boolean automated,
    boolean partial,
    String message,
    List<ResourceResult> results,
    Instant startedAt,
    Instant finishedAt,
    Instant at)
    implements ApplicationEvent {

  public boolean succeeded() {
    return OperationPhase.of(phase) == OperationPhase.SUCCEEDED;
  }

  /** What the sync did to one resource ({@code syncResult.resources[]}). */
  public record ResourceResult(
      String group, String kind, String namespace, String name, String status, String message) {}
}
