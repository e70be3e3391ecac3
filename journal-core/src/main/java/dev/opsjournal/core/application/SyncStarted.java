package dev.opsjournal.core.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;

/**
 * A sync operation began.
 *
 * @param operationId identifies the operation within the Application: its start time
 * @param initiatedBy the user, or {@code automated} (auto-sync and self-heal)
 * @param resources the resources of a partial sync; empty for a full one
 * @param revision the revision synced (the first source's, for a multi-source Application)
 * @param sources the revision of each source of a multi-source Application, in the order of {@code
 *     spec.sources}; empty for a single-source one (and in events recorded before)
 */
public record SyncStarted(
    ResourceKey application,
    String operationId,
    String revision,
    String initiatedBy,
    boolean automated,
    List<String> resources,
    Instant startedAt,
    Instant at,
    List<SourceRevision> sources)
    implements ApplicationEvent {

  /** A single-source Application's sync. */
  public SyncStarted(
      ResourceKey application,
      String operationId,
      String revision,
      String initiatedBy,
      boolean automated,
      List<String> resources,
      Instant startedAt,
      Instant at) {
    this(
        application,
        operationId,
        revision,
        initiatedBy,
        automated,
        resources,
        startedAt,
        at,
        List.of());
  }

  @JsonCreator
  public SyncStarted {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  public boolean partial() {
    return !resources.isEmpty();
  }
}
