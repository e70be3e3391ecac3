package dev.opsjournal.server.catalog;

import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.source.CommitRecorded;
import dev.opsjournal.core.source.HistoryRewritten;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projection of recorded commits: who wrote what, which Applications it reached, and whether a
 * force push has made it unreachable.
 */
@Component
@ProcessingGroup("commits")
class CommitProjection {

  private final ProjectionWrites writes;

  CommitProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(CommitRecorded event) {
    writes.update(
        """
        insert into git_commit (source, sha, repo_url, branch, parents, author_name, author_email,
            authored_at, committer_name, committed_at, message, changed_paths,
            affected_applications, recorded_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (source, sha) do nothing
        """,
        event.source(),
        event.sha(),
        event.repoUrl(),
        event.branch(),
        event.parents().toArray(String[]::new),
        event.author().name(),
        event.author().email(),
        timestamp(event.author().when()),
        event.committer().name(),
        timestamp(event.committer().when()),
        event.message(),
        event.changedPaths().stream().map(ChangedPath::path).toArray(String[]::new),
        event.affectedApplications().toArray(String[]::new),
        Timestamp.from(event.at()));
  }

  /**
   * The commits the push dropped are no longer reachable; the first push that dropped one holds.
   */
  @EventHandler
  void on(HistoryRewritten event) {
    if (event.unreachable().isEmpty()) {
      return;
    }
    writes.update(
        """
        update git_commit set unreachable_since = ?, rewritten_from = ?, rewritten_to = ?
         where source = ? and sha = any(?) and unreachable_since is null
        """,
        Timestamp.from(event.at()),
        event.oldHead(),
        event.newHead(),
        event.source(),
        event.unreachable().toArray(String[]::new));
  }

  @ResetHandler
  void reset() {
    writes.update("delete from git_commit");
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
