package dev.opsjournal.core.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.OperationPhase;
import java.time.Instant;
import java.util.List;

/**
 * A sync operation ended. Partial syncs (self-heal) are recorded too: Argo CD's own history never
 * keeps them.
 *
 * @param phase Succeeded, Failed or Error
 * @param revision the revision synced (the first source's, for a multi-source Application)
 * @param sources the revision of each source of a multi-source Application, in the order of {@code
 *     spec.sources}; empty for a single-source one (and in events recorded before)
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
    Instant at,
    List<SourceRevision> sources)
    implements ApplicationEvent {

  /** A single-source Application's sync. */
  public SyncCompleted(
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
      Instant at) {
    this(
        application,
        operationId,
        phase,
        revision,
        initiatedBy,
        automated,
        partial,
        message,
        results,
        startedAt,
        finishedAt,
        at,
        List.of());
  }

  @JsonCreator
  public SyncCompleted {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  public boolean succeeded() {
    return OperationPhase.of(phase) == OperationPhase.SUCCEEDED;
  }

  /** What the sync did to one resource ({@code syncResult.resources[]}). */
  public record ResourceResult(
      String group, String kind, String namespace, String name, String status, String message) {

    static ResourceResult of(ApplicationObserved.SyncResult r) {
      return new ResourceResult(
          r.group(), r.kind(), r.namespace(), r.name(), r.status(), r.message());
    }
  }
}
