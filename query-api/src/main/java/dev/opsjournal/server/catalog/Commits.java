package dev.opsjournal.server.catalog;

import static dev.opsjournal.server.api.Rows.instant;
import static dev.opsjournal.server.api.Rows.strings;
import static dev.opsjournal.server.api.Rows.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The one reader of {@code git_commit}: commits by sha, by window, by author. */
@Component
public class Commits {

  private final NamedParameterJdbcTemplate jdbc;

  Commits(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A commit as recorded from one Git source ({@code <repoUrl>#<branch>}).
   *
   * @param unreachableSince when a force push made it unreachable from the branch, or null
   * @param rewrittenFrom that push's old head (null while reachable)
   * @param rewrittenTo that push's new head (null while reachable)
   */
  public record CommitRecord(
      String source,
      String sha,
      String repoUrl,
      String branch,
      List<String> parents,
      String authorName,
      String authorEmail,
      Instant authoredAt,
      String committerName,
      Instant committedAt,
      String message,
      List<String> changedPaths,
      List<String> affectedApplications,
      Instant recordedAt,
      Instant unreachableSince,
      String rewrittenFrom,
      String rewrittenTo) {

    public boolean reachable() {
      return unreachableSince == null;
    }
  }

  /**
   * The newest commit of one source and repository URL recorded before an instant, and how many.
   */
  public record SourceTally(CommitRecord newest, int commits) {}

  /** Up to two full shas starting with {@code prefix}: more than one means it is ambiguous. */
  List<String> matching(String prefix) {
    return plain()
        .queryForList(
            "select distinct sha from git_commit where sha like ? order by sha limit 2",
            String.class,
            prefix + "%");
  }

  /** The commit {@code sha}, as first recorded. */
  Optional<CommitRecord> first(String sha) {
    return Optional.ofNullable(firstOf(List.of(sha)).get(sha));
  }

  /** Per sha of {@code shas} the journal recorded, the commit as first recorded. */
  Map<String, CommitRecord> firstOf(Collection<String> shas) {
    Map<String, CommitRecord> first = new LinkedHashMap<>();
    if (shas.isEmpty()) {
      return first;
    }
    jdbc.query(
        """
        select distinct on (sha) * from git_commit where sha in (:shas)
         order by sha, recorded_at
        """,
        new MapSqlParameterSource("shas", List.copyOf(shas)),
        rs -> {
          first.put(rs.getString("sha"), record(rs));
        });
    return first;
  }

  /** Every commit recorded in [from, to), of any source, by recording time. */
  public List<CommitRecord> recordedIn(Instant from, Instant to) {
    return plain()
        .query(
            """
            select * from git_commit where recorded_at >= ? and recorded_at < ?
             order by recorded_at, committed_at, sha
            """,
            (rs, i) -> record(rs),
            timestamp(from),
            timestamp(to));
  }

  /**
   * Per source and repository URL, the newest commit recorded before {@code before} (the smallest
   * sha among equals) and how many were; by source.
   */
  public List<SourceTally> newestPerSourceBefore(Instant before) {
    return plain()
        .query(
            """
            select distinct on (source, repo_url) *,
                   count(*) over (partition by source, repo_url) as total
              from git_commit where recorded_at < ?
             order by source, repo_url, recorded_at desc, sha
            """,
            (rs, i) -> new SourceTally(record(rs), rs.getInt("total")),
            timestamp(before));
  }

  /**
   * The first {@code limit} commits {@code author} (a name or an email) committed in [from, to).
   */
  public List<CommitRecord> authoredBy(String author, Instant from, Instant to, int limit) {
    return plain()
        .query(
            """
            select * from git_commit
             where (author_name = ? or author_email = ?) and committed_at >= ? and committed_at < ?
             order by committed_at, repo_url, branch, sha limit ?
            """,
            (rs, i) -> record(rs),
            author,
            author,
            timestamp(from),
            timestamp(to),
            limit);
  }

  private JdbcTemplate plain() {
    return jdbc.getJdbcTemplate();
  }

  private static CommitRecord record(ResultSet rs) throws SQLException {
    return new CommitRecord(
        rs.getString("source"),
        rs.getString("sha"),
        rs.getString("repo_url"),
        rs.getString("branch"),
        strings(rs, "parents"),
        rs.getString("author_name"),
        rs.getString("author_email"),
        instant(rs, "authored_at"),
        rs.getString("committer_name"),
        instant(rs, "committed_at"),
        rs.getString("message"),
        strings(rs, "changed_paths"),
        strings(rs, "affected_applications"),
        instant(rs, "recorded_at"),
        instant(rs, "unreachable_since"),
        rs.getString("rewritten_from"),
        rs.getString("rewritten_to"));
  }
}
