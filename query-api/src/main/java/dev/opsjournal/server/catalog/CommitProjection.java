package dev.opsjournal.server.catalog;

import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.source.CommitRecorded;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projection of recorded commits: who wrote what, and which Applications it reached. */
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

  @ResetHandler
  void reset() {
    writes.update("delete from git_commit");
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
