package dev.opsjournal.server.standalone;

import dev.opsjournal.collectors.replay.ExampleRepository;
import dev.opsjournal.collectors.replay.ReplaySource;
import dev.opsjournal.collectors.replay.Replayer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Replays the bundled example or the configured capture and repository once, before the server
 * reports ready. A mark under {@code <data-dir>/replays} records a finished replay, so a second
 * start on the same data directory journals nothing twice; delete the mark to replay again.
 */
final class StandaloneReplay implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StandaloneReplay.class);
  static final String WEEK_02 = "week-02";
  static final String WEEK_02_CAPTURE = "examples/week-02/capture.json.gz";

  private final StandaloneProperties properties;
  private final Replayers replayers;

  /** A replayer working in a directory of its own. */
  @FunctionalInterface
  interface Replayers {
    Replayer create(Path workDir);
  }

  StandaloneReplay(StandaloneProperties properties, Replayers replayers) {
    this.properties = properties;
    this.replayers = replayers;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    ReplaySource source = source();
    if (source == null) {
      log.info(
          "Standalone mode: nothing to replay (set opsjournal.standalone.example=week-02, or"
              + " opsjournal.standalone.replay.capture / replay.git)");
      return;
    }
    Path mark = properties.dataDir().resolve("replays").resolve(source.name() + ".done");
    if (Files.exists(mark)) {
      log.info(
          "Replay {}: already done ({}); the journal is in the data directory. Delete {} to replay"
              + " again",
          source.name(),
          Files.readString(mark).strip(),
          mark.toAbsolutePath().normalize());
      return;
    }
    Path work = properties.dataDir().resolve("replays").resolve(source.name());
    if (Files.exists(work)) {
      log.warn(
          "Replay {}: a previous run stopped before it finished; replaying from the start. What"
              + " the journal already holds is recognised (same object uid and resourceVersion,"
              + " same commit) and journaled once",
          source.name());
    }
    Replayer.Summary summary = replayers.create(work).replay(source);
    Files.createDirectories(mark.getParent());
    Files.writeString(mark, Instant.now() + ": " + summary + System.lineSeparator());
    log.info(
        "Replay {}: the journal holds it; try"
            + " /api/v1/resources/owners, /api/v1/conflicts, /api/v1/journal/weekly",
        source.name());
  }

  private ReplaySource source() {
    StandaloneProperties.Replay replay = properties.replay();
    String example = properties.example();
    if (example != null && !example.isBlank()) {
      if (replay.capture() != null || replay.git() != null) {
        throw new IllegalStateException(
            "set either opsjournal.standalone.example or opsjournal.standalone.replay.*, not both");
      }
      if (!example.equals(WEEK_02)) {
        throw new IllegalStateException(
            "unknown example '" + example + "': the bundled one is " + WEEK_02);
      }
      Path git = properties.dataDir().resolve("examples").resolve("platform.git");
      ExampleRepository platform = ExampleRepository.load(WEEK_02);
      platform.create(git);
      return new ReplaySource(
          "example-" + WEEK_02,
          StandaloneReplay::week02Capture,
          git,
          platform.url(),
          platform.branch(),
          "local",
          replay.progressEvery());
    }
    if (replay.capture() == null && replay.git() == null) {
      return null;
    }
    if (replay.capture() != null && !Files.isReadable(replay.capture())) {
      throw new IllegalStateException(
          "opsjournal.standalone.replay.capture: cannot read " + replay.capture());
    }
    Path capture = replay.capture();
    return new ReplaySource(
        "capture-" + fingerprint(replay),
        capture == null ? null : () -> reader(Files.newInputStream(capture)),
        replay.git(),
        replay.gitUrl(),
        replay.branch(),
        replay.cluster(),
        replay.progressEvery());
  }

  private static InputStreamReader week02Capture() throws IOException {
    InputStream in = StandaloneReplay.class.getClassLoader().getResourceAsStream(WEEK_02_CAPTURE);
    if (in == null) {
      throw new IOException("the bundled " + WEEK_02_CAPTURE + " is missing from the jar");
    }
    return reader(in);
  }

  /** The characters of a capture, gunzipped when it is gzip-compressed. */
  static InputStreamReader reader(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return new InputStreamReader(gzip ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8);
  }

  /** Names a replay by what it reads: the same files give the same mark. */
  private static String fingerprint(StandaloneProperties.Replay replay) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path path : new Path[] {replay.capture(), replay.git()}) {
        if (path != null) {
          Path absolute = path.toAbsolutePath().normalize();
          digest.update(absolute.toString().getBytes(StandardCharsets.UTF_8));
          if (Files.isRegularFile(absolute)) {
            digest.update(Long.toString(Files.size(absolute)).getBytes(StandardCharsets.UTF_8));
            digest.update(
                Files.getLastModifiedTime(absolute).toString().getBytes(StandardCharsets.UTF_8));
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
