package dev.opsjournal.server.catalog;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/commits/{sha}}: a commit and where and when it ran. */
@Tag(name = "Commits")
@RestController
class CommitController {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

  private final JdbcTemplate jdbc;

  CommitController(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Operation(
      summary = "A commit and where and when it ran",
      description =
          "The commit as recorded (author, committer, message, changed paths), the Applications it reached, and every sync of it.")
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
    List<String> matches =
        jdbc.queryForList(
            "select distinct sha from git_commit where sha like ? order by sha limit 2",
            String.class,
            wanted + "%");
    if (matches.isEmpty()) {
      throw new NotFoundException("the journal recorded no commit " + sha);
    }
    if (matches.size() > 1) {
      throw new BadRequestException("sha", "'" + sha + "' is ambiguous: give more characters");
    }
    String full = matches.get(0);
    List<CommitView.Deployment> deployments =
        jdbc.query(
            """
            select application_key, initiated_by, partial, phase, started_at, finished_at
              from sync_record where revision = ? order by started_at, application_key
            """,
            (rs, i) -> {
              ResourceKey app = ResourceKey.parse(rs.getString("application_key"));
              return new CommitView.Deployment(
                  app.namespacedName(),
                  app.cluster(),
                  rs.getString("initiated_by"),
                  rs.getBoolean("partial"),
                  rs.getString("phase"),
                  instant(rs, "started_at"),
                  instant(rs, "finished_at"));
            },
            full);
    return jdbc.query(
            "select * from git_commit where sha = ? order by recorded_at limit 1",
            (rs, i) ->
                new CommitView(
                    full,
                    rs.getString("repo_url"),
                    rs.getString("branch"),
                    strings(rs, "parents"),
                    new CommitView.Person(
                        rs.getString("author_name"),
                        rs.getString("author_email"),
                        instant(rs, "authored_at")),
                    new CommitView.Person(
                        rs.getString("committer_name"), "", instant(rs, "committed_at")),
                    rs.getString("message"),
                    strings(rs, "changed_paths"),
                    strings(rs, "affected_applications"),
                    instant(rs, "recorded_at"),
                    deployments),
            full)
        .get(0);
  }
}
