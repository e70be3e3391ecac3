package dev.opsjournal.server.outage;

import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.application.GitErrorCleared;
import dev.opsjournal.core.application.GitErrorRaised;
import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.journal.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects each Application's Git errors (Git as Argo CD saw it) into {@code git_error_report}; the
 * view {@code git_outage_seen_by_argo_cd} joins the reports of one repository into outages. In the
 * {@code outages} group, beside the Git collector's and the controller's outages.
 */
@Component
@ProcessingGroup("outages")
class GitErrorProjection {

  private final ProjectionWrites writes;

  GitErrorProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(GitErrorRaised event) {
    writes.update(
        """
        insert into git_error_report
            (cluster, application, repo, repo_url, failure, message, raised_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
        """,
        event.application().cluster(),
        event.application().namespacedName(),
        RepositoryIdentity.of(event.repoUrl()),
        event.repoUrl(),
        event.failure().slug(),
        event.message(),
        timestamp(event.at()));
  }

  @EventHandler
  void on(GitErrorCleared event) {
    writes.update(
        """
        update git_error_report set cleared_at = ?
         where cluster = ? and application = ? and cleared_at is null
        """,
        timestamp(event.at()),
        event.application().cluster(),
        event.application().namespacedName());
  }

  @ResetHandler
  void reset() {
    writes.update("delete from git_error_report");
  }
}
