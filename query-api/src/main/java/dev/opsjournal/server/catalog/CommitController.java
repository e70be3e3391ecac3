package dev.opsjournal.server.catalog;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.catalog.Commits.CommitRecord;
import dev.opsjournal.server.sync.SyncRecords;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/commits/{sha}}: a commit and where and when it ran. */
@Tag(name = "Commits")
@RestController
class CommitController {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

  private final Commits commits;
  private final SyncRecords syncs;

  CommitController(Commits commits, SyncRecords syncs) {
    this.commits = commits;
    this.syncs = syncs;
  }

  @Operation(
      summary = "A commit and where and when it ran",
      description =
          "The commit as recorded (author, committer, message, changed paths), the Applications it reached, every sync of it, and whether a force push has made it unreachable (since when, by which push).")
  @GetMapping("/api/v1/commits/{sha}")
  CommitView commit(
      @Parameter(
              description =
                  "A commit sha, full or abbreviated to at least 7 hexadecimal characters")
          @PathVariable
          String sha) {
    String wanted = sha.toLowerCase(Locale.ROOT);
    if (!SHA.matcher(wanted).matches()) {
      throw new BadRequestException("sha", "a commit sha is 7 to 64 hexadecimal characters");
    }
    List<String> matches = commits.matching(wanted);
    if (matches.isEmpty()) {
      throw new NotFoundException("the journal recorded no commit " + sha);
    }
    if (matches.size() > 1) {
      throw new BadRequestException("sha", "'" + sha + "' is ambiguous: give more characters");
    }
    String full = matches.get(0);
    List<CommitView.Deployment> deployments =
        syncs.ofRevision(full).stream()
            .map(
                s -> {
                  ResourceKey app = ResourceKey.parse(s.applicationKey());
                  return new CommitView.Deployment(
                      app.namespacedName(),
                      app.cluster(),
                      s.initiatedBy(),
                      s.partial(),
                      s.phase(),
                      s.startedAt(),
                      s.finishedAt());
                })
            .toList();
    CommitRecord c = commits.first(full).orElseThrow();
    return new CommitView(
        full,
        c.repoUrl(),
        c.branch(),
        c.parents(),
        new CommitView.Person(c.authorName(), c.authorEmail(), c.authoredAt()),
        new CommitView.Person(c.committerName(), "", c.committedAt()),
        c.message(),
        c.changedPaths(),
        c.affectedApplications(),
        c.recordedAt(),
        deployments,
        c.reachable(),
        c.unreachableSince(),
        c.reachable()
            ? null
            : new CommitView.Rewrite(c.rewrittenFrom(), c.rewrittenTo(), c.unreachableSince()));
  }
}
