package dev.opsjournal.server.sync;

import static dev.opsjournal.server.api.Rows.instant;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Window;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/applications/{namespace}/{name}/syncs}: syncs with commit and author. */
@Tag(name = "Applications")
@RestController
class SyncController {

  private final JdbcTemplate jdbc;

  SyncController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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
    Window window = list.window();
    PageRequest page = list.page();
    List<SyncView> rows =
        jdbc.query(
            """
            select s.*, c.sha, c.author_name, c.author_email, c.authored_at,
                   c.message as commit_message
              from sync_record s
              left join lateral (
                select * from git_commit g where g.sha = s.revision
                 order by g.recorded_at limit 1) c on true
             where s.namespace = ? and s.name = ?
               and (cast(? as text) is null or s.application_key like ? || '/%')
               and (cast(? as timestamptz) is null or coalesce(s.finished_at, s.started_at) >= ?)
               and (cast(? as timestamptz) is null or s.started_at < ?)
             order by s.started_at, s.operation_id
             limit ? offset ?
            """,
            (rs, i) ->
                new SyncView(
                    rs.getString("namespace") + "/" + rs.getString("name"),
                    ResourceKey.parse(rs.getString("application_key")).cluster(),
                    rs.getString("revision"),
                    rs.getString("initiated_by"),
                    rs.getBoolean("automated"),
                    rs.getBoolean("partial"),
                    rs.getString("phase"),
                    rs.getString("message"),
                    instant(rs, "started_at"),
                    instant(rs, "finished_at"),
                    rs.getString("sha") == null
                        ? null
                        : new SyncView.Commit(
                            rs.getString("sha"),
                            rs.getString("author_name"),
                            rs.getString("author_email"),
                            instant(rs, "authored_at"),
                            rs.getString("commit_message"))),
            namespace,
            name,
            cluster,
            cluster,
            window.fromTimestamp(),
            window.fromTimestamp(),
            window.toTimestamp(),
            window.toTimestamp(),
            page.fetch(),
            page.offset());
    return page.page(rows);
  }
}
