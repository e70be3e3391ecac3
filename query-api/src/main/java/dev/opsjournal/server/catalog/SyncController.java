package dev.opsjournal.server.catalog;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.application.SourceRevision;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.catalog.Commits.CommitRecord;
import dev.opsjournal.server.sync.SyncRecords;
import dev.opsjournal.server.sync.SyncRecords.SyncRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
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
          "Including the partial self-heal syncs Argo CD leaves out of its own history; with revision, initiator, phase and the commit's author and message when the journal recorded the commit. For a multi-source Application, `revision` is the first source's and `sources` lists the revision of each source (a Helm chart's is a chart version, never looked up as a commit).")
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
    Map<String, List<SourceRevision>> sources = syncs.sourcesOf(page.items());
    List<String> revisions = new ArrayList<>();
    page.items().forEach(s -> revisions.add(s.revision()));
    sources.values().stream()
        .flatMap(List::stream)
        .filter(SourceRevision::commit)
        .forEach(r -> revisions.add(r.revision()));
    Map<String, CommitRecord> byRevision = commits.firstOf(revisions.stream().distinct().toList());
    return page.map(
        s -> {
          List<SourceRevision> of = sources.getOrDefault(SyncRecords.sourceKey(s), List.of());
          // a chart version is never a commit, even if some commit's sha were spelled like it
          boolean firstIsChart = !of.isEmpty() && !of.get(0).commit();
          return view(s, firstIsChart ? null : byRevision.get(s.revision()), of, byRevision);
        });
  }

  private static SyncView view(
      SyncRecord s,
      CommitRecord c,
      List<SourceRevision> sources,
      Map<String, CommitRecord> byRevision) {
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
        commit(c),
        sources.stream()
            .map(
                r ->
                    new SyncView.Source(
                        r.repoUrl(),
                        r.revision(),
                        r.chart(),
                        r.commit() ? commit(byRevision.get(r.revision())) : null))
            .toList());
  }

  private static SyncView.Commit commit(CommitRecord c) {
    return c == null
        ? null
        : new SyncView.Commit(
            c.sha(), c.authorName(), c.authorEmail(), c.authoredAt(), c.message());
  }
}
