package dev.opsjournal.server.benchmark;

import dev.opsjournal.server.simulator.CapturedWeek;
import dev.opsjournal.server.testing.JournalRuns;
import dev.opsjournal.server.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How fast a capture replays, and how fast a server catches up with a published backlog (issue 11):
 * the controller simulator's estate run for {@code bench.replayMinutes} (default 120) of virtual
 * time and written as a capture, then (1) the real {@code Replayer} reading, mapping and publishing
 * it to a topic of 6 partitions, in capture lines per second; (2) a journal server started on those
 * observations, published beforehand, until every one is journaled and every projection is at the
 * head, in observations per second, on 6 partitions and on 1; each beside this machine's {@link
 * RawBaseline} for the same observations (produce, consume, insert into a plain table). Prints
 * {@code BENCHMARK FIGURE} lines; never fails on a number.
 */
@Tag("benchmark")
@Tag("integration")
class ReplayBenchmarkIT {

  @TempDir Path workspace;

  @Test
  void replayAndBacklogCatchUp() throws Exception {
    int minutes = Integer.getInteger("bench.replayMinutes", 120);
    CapturedWeek week =
        CapturedWeek.simulate(
            "5d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e",
            "https://git.example.com/estate.git",
            minutes);
    try (JournalRuns runs = new JournalRuns(week.capture(), week.cluster(), workspace)) {
      int observations = runs.observations().size();
      System.out.printf(
          "BENCHMARK capture: %d lines, %d observations (heartbeats included), %d min of virtual"
              + " time%n",
          week.lines(), observations, minutes);
      runs.replayToTopic(6); // warm-up: class loading, the producer's metadata
      Duration replay = runs.replayToTopic(6);
      List<String[]> records = runs.records();
      RawBaseline raw = new RawBaseline(runs.bootstrap(), TestPostgres.newDatabase());
      double rawRate = raw.run("bench.raw.6", records, 6);
      System.out.printf(
          "BENCHMARK FIGURE replay: %,.0f capture lines/s (%d lines in %d ms, published to 6"
              + " partitions, no journal behind it)%n",
          week.lines() / seconds(replay), week.lines(), replay.toMillis());
      for (int partitions : new int[] {6, 1}) {
        Duration catchUp = runs.backlogCatchUp(partitions);
        double rate = observations / seconds(catchUp);
        double baseline = partitions == 6 ? rawRate : raw.run("bench.raw.1", records, 1);
        System.out.printf(
            "BENCHMARK FIGURE backlog catch-up, %d partition(s): %,.0f observations/s (%d in %d"
                + " ms); raw baseline %,.0f/s; ratio %.3f%n",
            partitions, rate, observations, catchUp.toMillis(), baseline, rate / baseline);
      }
    }
  }

  private static double seconds(Duration duration) {
    return Math.max(1, duration.toMillis()) / 1000.0;
  }
}
