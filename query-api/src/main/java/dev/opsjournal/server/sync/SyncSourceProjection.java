package dev.opsjournal.server.sync;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.application.SourceRevision;
import dev.opsjournal.core.application.SyncCompleted;
import dev.opsjournal.core.application.SyncStarted;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects the revision of each source of a multi-source Application's syncs ({@code
 * sync_source_revision}), so that a Git commit synced as the second source is found where it ran,
 * and a chart version is told apart from a commit. Single-source syncs have no rows.
 */
@Component
@ProcessingGroup("syncs")
class SyncSourceProjection {

  private static final String UPSERT =
      """
      insert into sync_source_revision (application_key, operation_id, position, repo_url,
          revision, chart)
      values (?, ?, ?, ?, ?, ?)
      on conflict (application_key, operation_id, position) do update
         set repo_url = excluded.repo_url, revision = excluded.revision, chart = excluded.chart
      """;

  private final ProjectionWrites writes;

  SyncSourceProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(SyncStarted event) {
    write(event.application(), event.operationId(), event.sources());
  }

  @EventHandler
  void on(SyncCompleted event) {
    write(event.application(), event.operationId(), event.sources());
  }

  private void write(ResourceKey application, String operationId, List<SourceRevision> sources) {
    for (int i = 0; i < sources.size(); i++) {
      SourceRevision s = sources.get(i);
      writes.update(
          UPSERT, application.toString(), operationId, i, s.repoUrl(), s.revision(), s.chart());
    }
  }

  @ResetHandler
  void reset() {
    writes.update("delete from sync_source_revision");
  }
}
