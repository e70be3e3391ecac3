package dev.opsjournal.server.catalog;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.catalog.Commits.CommitRecord;
import dev.opsjournal.server.sync.SyncRecords;
import dev.opsjournal.server.sync.SyncRecords.SyncRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/applications/{namespace}/{name}/syncs}: syncs with commit and author. */
@Tag(name = "Applications")
@RestController
class SyncController {

  private final SyncRecords syncs;
  private final Commits commits;

  SyncController(SyncRecords syncs, Commits commits) {
    this.syncs = syncs;
    this.commits = commits;
  }

  @Operation(
      summary = "Every sync of an Application",
      description =
          "Including the partial self-heal syncs Argo CD leaves out of its own history; with revision, initiator, phase and the commit's author and message when the journal recorded the commit.")
  @GetMapping("/api/v1/applications/{namespace}/{name}/syncs")
  Page<SyncView> syncs(
      @Parameter(description = "Namespace of the Application, e.g. `argocd`") @PathVariable
          String namespace,
      @Parameter(description = "Name of the Application") @PathVariable String name,
      @Parameter(description = "Only syncs of the Application in this cluster")
          @RequestParam(required = false)
          String cluster,
      @ParameterObject ListQuery list) {
    Page<SyncRecord> page = syncs.page(namespace, name, cluster, list.window(), list.page());
    Map<String, CommitRecord> byRevision =
        commits.firstOf(page.items().stream().map(SyncRecord::revision).distinct().toList());
    return page.map(s -> view(s, byRevision.get(s.revision())));
  }

  private static SyncView view(SyncRecord s, CommitRecord c) {
    return new SyncView(
        s.namespace() + "/" + s.name(),
        ResourceKey.parse(s.applicationKey()).cluster(),
        s.revision(),
        s.initiatedBy(),
        s.automated(),
        s.partial(),
        s.phase(),
        s.message(),
        s.startedAt(),
        s.finishedAt(),
        c == null
            ? null
            : new SyncView.Commit(
                c.sha(), c.authorName(), c.authorEmail(), c.authoredAt(), c.message()));
  }
}
