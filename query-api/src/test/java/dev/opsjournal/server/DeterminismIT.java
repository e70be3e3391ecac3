package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.simulator.CapturedWeek;
import dev.opsjournal.server.testing.JournalAnswers;
import dev.opsjournal.server.testing.JournalRuns;
import dev.opsjournal.server.testing.JournalRuns.Way;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An audit journal concludes the same whatever its speed: one messy simulated morning (writes a
 * fraction of a second apart, self-heals, a fight over a Service, a user's sync), captured by the
 * controller simulator, is journaled live (one observation at a time) and as a backlog on one
 * partition, and every REST answer and the weekly Markdown must be the same, byte for byte. On six
 * partitions (a backlog, every observation delivered twice, replayed twice; {@link Way}) the
 * journal does not yet conclude the same — see docs/architecture.md, "Determinism" — and nothing
 * here asserts it until the order across partitions is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminismIT {

  @TempDir static Path workspace;

  CapturedWeek week;
  JournalRuns runs;
  JournalAnswers questions;
  final Map<Way, SortedMap<String, String>> answers = new EnumMap<>(Way.class);

  @BeforeAll
  void journalTheCaptureEveryWay() {
    week = CapturedWeek.simulate("5d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e", REPO, 40);
    questions =
        new JournalAnswers(
            week.cluster(),
            week.objects(),
            week.applications(),
            List.of("kubectl-edit", "kubectl", "grace", "argocd-controller"),
            week.from(),
            week.to(),
            "2026-W49");
    runs = new JournalRuns(week.capture(), week.cluster(), workspace);
    for (Way way : List.of(Way.LIVE, Way.BACKLOG_1)) {
      answers.put(way, runs.answers(way, questions::collect));
    }
  }

  @AfterAll
  void stopTheBroker() {
    runs.close();
  }

  private static final String REPO = "https://git.example.com/estate.git";

  @Test
  void theCaptureIsMessyAndTheLiveJournalTellsIt() {
    assertThat(week.truth().drifts()).hasSizeGreaterThanOrEqualTo(3);
    SortedMap<String, String> live = answers.get(Way.LIVE);
    assertThat(live).hasSizeGreaterThan(150);
    assertThat(live.get("/api/v1/journal/weekly?week=2026-W49&cluster=" + week.cluster()))
        .startsWith("200\n")
        .contains("self-heal");
    // the verdicts reached the objects: the fight's Service is declared by both Applications
    assertThat(live.get("/api/v1/conflicts?limit=1000&from=" + week.from() + "&to=" + week.to()))
        .contains("\"losers\":[\"argocd/docs\"]");
    assertThat(
            live.get(
                "/api/v1/resources/owners?cluster=sim&group=&kind=Service&namespace=docs&name=docs"
                    + "&at="
                    + week.from().plusSeconds(600)))
        .containsPattern("\"declaredBy\":\\[[^]]*argocd/docs-preview");
  }

  @Test
  void givenTheSameCapture_whenConsumedAsABacklogOnOnePartition_thenEveryAnswerIsTheSame() {
    assertSameAsLive(Way.BACKLOG_1, answers.get(Way.BACKLOG_1));
  }

  private void assertSameAsLive(Way way, SortedMap<String, String> theirs) {
    String differences =
        JournalAnswers.differences("live", answers.get(Way.LIVE), way.name(), theirs);
    assertThat(differences).as("answers of %s against live", way).isEmpty();
  }
}
