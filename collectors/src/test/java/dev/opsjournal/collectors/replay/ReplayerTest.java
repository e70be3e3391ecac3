package dev.opsjournal.collectors.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.git.Week02Repository;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small capture and the Week 02 repository up to c1, replayed into a sink that writes down what
 * was published and when the replay waited for the journal: in recorded order, with no wait between
 * observations, and one wait at the end.
 */
class ReplayerTest {

  private static final String CAPTURE =
      """
      {"type":"BOOKMARK","object":{"apiVersion":"v1","kind":"Service","metadata":{"name":"a"}}}
      {"observedAt":"2026-11-16T09:01:00Z","type":"ADDED","object":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"u1","resourceVersion":"1"}}}
      {"observedAt":"2026-11-16T09:02:00Z","type":"DELETED","object":{"apiVersion":"v1","kind":"Event","metadata":{"name":"e","namespace":"shop","uid":"e1"}}}
      {"observedAt":"2026-11-16T09:03:00Z","type":"ADDED","object":{"metadata":{"name":"no-kind"}}}
      {"observedAt":"2026-11-16T09:06:00Z","type":"MODIFIED","object":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"shop","uid":"u1","resourceVersion":"2"}}}
      """;

  @TempDir Path dir;
  private final List<String> journal = new CopyOnWriteArrayList<>();
  private boolean closed;

  @Test
  void
      givenACaptureAndARepository_whenReplayed_thenAllIsPublishedInOrderAndTheJournalWaitedForOnce()
          throws IOException {
    Replayer.Summary summary;
    try (Week02Repository week = Week02Repository.create(dir.resolve("platform.git"), 1)) {
      summary =
          new Replayer(
                  observation -> journal.add(describe(observation)),
                  new ObjectMapper(),
                  new Settle() {
                    @Override
                    public void await(Duration patience) {
                      journal.add("settle");
                    }

                    @Override
                    public void close() {
                      closed = true;
                    }
                  },
                  dir.resolve("work"))
              .replay(
                  new ReplaySource(
                      "test",
                      () -> new StringReader(CAPTURE),
                      week.directory(),
                      "https://git.example.com/platform.git",
                      "main",
                      "local",
                      100));
    }

    assertThat(journal)
        .containsExactly(
            "commit 2026-11-16T09:00:30Z https://git.example.com/platform.git",
            "resource ADDED 1",
            "heartbeat 2026-11-16T09:05:00Z",
            "resource MODIFIED 2",
            "settle");
    assertThat(summary.values()).isEqualTo(5);
    assertThat(summary.malformed()).as("the BOOKMARK and the object without a kind").isEqualTo(2);
    assertThat(summary.published()).as("resources and heartbeats").isEqualTo(3);
    assertThat(summary.heartbeats()).isEqualTo(1);
    assertThat(summary.commits()).isEqualTo(1);
    assertThat(closed).isTrue();
  }

  private static String describe(Observation observation) {
    if (observation instanceof CommitObserved c) {
      return "commit " + c.observedAt() + " " + c.repoUrl();
    }
    if (observation instanceof ResourceObserved r) {
      return "resource " + r.action() + " " + r.resourceVersion();
    }
    if (observation instanceof HeartbeatObserved h) {
      return "heartbeat " + h.observedAt();
    }
    return observation.toString();
  }
}
