package dev.opsjournal.server.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.resource.ConflictStarted;
import dev.opsjournal.core.resource.ResourceDeclared;
import dev.opsjournal.core.resource.ResourceUndeclared;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Window;
import dev.opsjournal.server.journal.ProjectionWrites;
import dev.opsjournal.server.testing.TestPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The conflicts feature decides a conflict's start (its projection's declarations, read through
 * {@code conflict_episode_decided}): the second declaration of its Applications in force at the
 * journal's start, when that is earlier, whichever order the events came in.
 */
class ConflictProjectionIT {

  private static final ResourceKey WEB =
      ResourceKey.of("prod", "apps", "Deployment", "shop", "web");
  private static final String DEV = "argocd/dev";
  private static final String STAGING = "argocd/staging";
  private static final Instant TAKEOVER = Instant.parse("2026-11-18T09:05:03Z");

  private JdbcTemplate jdbc;
  private ConflictProjection projection;

  @BeforeEach
  void database() {
    DataSource db = new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", "");
    Flyway.configure().dataSource(db).load().migrate();
    jdbc = new JdbcTemplate(db);
    projection = new ConflictProjection(new ProjectionWrites(jdbc));
  }

  @Test
  void givenTheSecondDeclarationArrivesAfterTheTakeover_whenProjected_thenTheConflictStartsAtIt() {
    projection.on(new ResourceDeclared(WEB, DEV, at("2026-11-16T10:00:00Z")));
    projection.on(started());
    assertThat(start()).isEqualTo(TAKEOVER);

    projection.on(new ResourceDeclared(WEB, STAGING, at("2026-11-18T09:05:01Z")));

    assertThat(start()).isEqualTo(at("2026-11-18T09:05:01Z"));
    assertThat(pages()).containsExactly(at("2026-11-18T09:05:01Z"));
  }

  @Test
  void givenDeclarationsLaterOrEndedOrOfOthers_whenProjected_thenTheJournalsStartStands() {
    projection.on(new ResourceDeclared(WEB, DEV, at("2026-11-16T10:00:00Z")));
    projection.on(new ResourceDeclared(WEB, "argocd/other", at("2026-11-17T10:00:00Z")));
    projection.on(new ResourceDeclared(WEB, STAGING, at("2026-11-17T11:00:00Z")));
    projection.on(new ResourceUndeclared(WEB, STAGING, at("2026-11-17T12:00:00Z")));
    projection.on(started());
    projection.on(new ResourceDeclared(WEB, STAGING, at("2026-11-18T09:06:00Z")));

    assertThat(start()).isEqualTo(TAKEOVER);
  }

  private static ConflictStarted started() {
    return new ConflictStarted(WEB, 1, List.of(DEV, STAGING), STAGING, TAKEOVER);
  }

  private Instant start() {
    return jdbc.queryForObject(
            "select started_at from conflict_episode_decided where resource_key = ?",
            Timestamp.class,
            WEB.toString())
        .toInstant();
  }

  /** What {@code /api/v1/conflicts} answers: the same decided start. */
  private List<Instant> pages() {
    return new ConflictEpisodes(new NamedParameterJdbcTemplate(jdbc))
        .page(null, new Window(null, null), PageRequest.of(null, null)).items().stream()
            .map(ConflictView::startedAt)
            .toList();
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
