package dev.opsjournal.collectors.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.kubernetes.CapturedObjects;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.Observation;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a recorded capture and a Git repository into the journal as if they were live, keeping the
 * recorded times: every watch event mapped by the collectors' own mappers, every commit found by
 * the Git collector polling at its committer time + 30 s, and the heartbeats, in the order the
 * {@link Timeline} decides. Observations are published one after the other, as fast as the topic
 * takes them, with no wait between them: the journal decides by observation times, so it concludes
 * the same whatever its speed (see docs/architecture.md, "Determinism"). Once everything is
 * published the replay waits until the journal has taken it all in ({@link Settle}).
 */
public final class Replayer {

  private static final Logger log = LoggerFactory.getLogger(Replayer.class);
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final String COLLECTOR = "standalone-replay";

  /** Observations sent before their acknowledgements are awaited: in order, without a wait. */
  private static final int BATCH = 500;

  private final ObservationSink sink;
  private final ObjectMapper json;
  private final Settle settle;
  private final Path workDir;

  /** A replayer publishing to {@code sink}, working in {@code workDir}, its own directory. */
  public Replayer(ObservationSink sink, ObjectMapper json, Settle settle, Path workDir) {
    this.sink = sink;
    this.json = json;
    this.settle = settle;
    this.workDir = workDir;
  }

  /**
   * What a replay did.
   *
   * @param values the capture's values, read or not
   * @param malformed values that could not be read or mapped (logged and skipped)
   * @param published the watch events' observations and the heartbeats
   * @param commits the commits the Git collector published (not counted in {@code published})
   */
  public record Summary(
      long values, long malformed, long published, long heartbeats, long commits, Duration took) {
    @Override
    public String toString() {
      return "%d values read (%d malformed), %d observations published (%d heartbeats, %d commits) in %d s"
          .formatted(values, malformed, published, heartbeats, commits, took.toSeconds());
    }
  }

  /** Counts while playing. */
  private static final class Counters {
    long published;
    long heartbeats;
    long commits;
    long stepsDone;
  }

  /** Replays {@code source} once; closes the {@link Settle} when done. */
  public Summary replay(ReplaySource source) throws IOException {
    long started = System.nanoTime();
    Capture capture = capture(source);
    GitMirror git = null;
    try {
      List<Timeline.Commit> commits = List.of();
      if (source.git() != null) {
        String url =
            source.gitUrl() == null || source.gitUrl().isBlank()
                ? GitMirror.defaultUrl(source.git())
                : source.gitUrl();
        log.info(
            "Replay {}: Git repository {} branch {} as {}",
            source.name(),
            GitMirror.gitDir(source.git()),
            source.branch(),
            url);
        git = new GitMirror(source.git(), source.branch(), url, workDir, sink);
        commits = git.commits();
      }
      Counters counters = play(source, Timeline.of(capture.watched(), commits), git);
      Summary summary =
          new Summary(
              capture.watched().size() + capture.malformed(),
              capture.malformed() + capture.unmappable(),
              counters.published,
              counters.heartbeats,
              counters.commits,
              Duration.ofNanos(System.nanoTime() - started));
      log.info("Replay {} done: {}", source.name(), summary);
      return summary;
    } finally {
      if (git != null) {
        git.close();
      }
      settle.close();
    }
  }

  private void publish(List<Observation> pending) {
    if (!pending.isEmpty()) {
      sink.publishAll(List.copyOf(pending));
      pending.clear();
    }
  }

  /**
   * The capture's values, mapped; {@code malformed} could not be read, {@code unmappable} were read
   * but could not be mapped (both are logged and replayed as nothing).
   */
  private record Capture(List<Timeline.Watched> watched, long malformed, long unmappable) {}

  private Capture capture(ReplaySource source) throws IOException {
    if (source.capture() == null) {
      return new Capture(List.of(), 0, 0);
    }
    log.info("Replay {}: reading the capture", source.name());
    List<CapturedValue> values;
    long[] malformed = {0};
    try (Reader reader = source.capture().open()) {
      values =
          new CaptureReader(json)
              .read(
                  reader,
                  bad -> {
                    malformed[0]++;
                    log.warn("Replay {}: skipped {}", source.name(), bad);
                  });
    }
    log.info(
        "Replay {}: {} watch events read ({} malformed)",
        source.name(),
        values.size(),
        malformed[0]);
    CapturedObjects objects = new CapturedObjects(source.cluster());
    List<Timeline.Watched> watched = new ArrayList<>(values.size());
    long unmappable = 0;
    for (CapturedValue value : values) {
      Optional<Observation> mapped;
      try {
        mapped = objects.map(value.object(), value.action(), value.at());
      } catch (IllegalArgumentException e) {
        unmappable++;
        log.warn(
            "Replay {}: skipped value #{} at offset {}: {}",
            source.name(),
            value.index(),
            value.offset(),
            e.getMessage());
        mapped = Optional.empty();
      }
      watched.add(new Timeline.Watched(value.at(), mapped));
    }
    return new Capture(watched, malformed[0], unmappable);
  }

  private Counters play(ReplaySource source, List<Timeline.Step> steps, GitMirror git) {
    Counters counters = new Counters();
    long total = steps.stream().filter(s -> !(s instanceof Timeline.Heartbeat)).count();
    int progressEvery = Math.max(1, source.progressEvery());
    List<Observation> pending = new ArrayList<>(BATCH);
    for (Timeline.Step step : steps) {
      if (step instanceof Timeline.Heartbeat heartbeat) {
        pending.add(
            new HeartbeatObserved(
                source.cluster(), COLLECTOR, heartbeat.at(), heartbeat.reconciledAt()));
        counters.heartbeats++;
        counters.published++;
      } else if (step instanceof Timeline.Reveal reveal) {
        publish(pending); // what came before the commit is published before it
        counters.commits += git.reveal(reveal.sha(), reveal.at());
      } else if (step instanceof Timeline.Publish publish) {
        pending.add(publish.observation());
        counters.published++;
      }
      if (pending.size() >= BATCH) {
        publish(pending);
      }
      if (!(step instanceof Timeline.Heartbeat) && ++counters.stepsDone % progressEvery == 0) {
        log.info(
            "Replay {}: {} of {} steps, recorded time {}",
            source.name(),
            counters.stepsDone,
            total,
            step.at());
      }
    }
    publish(pending);
    // patience for the journal to take in what was published without waiting: grows with it
    settle.await(PATIENCE.plusMillis(10 * counters.published));
    return counters;
  }
}
