package dev.opsjournal.collectors.git;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What has been published, per source ({@code <repoUrl>#<branch>}): the last published commit and
 * whether an outage was reported and not yet recovered. One small properties file in the cache
 * directory, rewritten whole and atomically (temporary file moved over the old one), so a crash
 * leaves either the old or the new checkpoint, never half of one.
 *
 * <p>Callers save a head only after the sink returned, i.e. after the broker acknowledged the
 * commit's observation: a checkpoint never runs ahead of what was published. Each save survives the
 * process at once (the kernel has it); {@link #sync()} also puts it on the disk, which a poller
 * does once per poll rather than once per commit: flushing every save cost up to 5 ms a commit
 * here, and what a power loss can then cost is a republication of the last poll's commits, which
 * the journal dedupes by sha.
 */
final class Checkpoints {

  static final String FILE_NAME = "checkpoints.properties";

  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
  private static final String HEAD = ".head";
  private static final String UNAVAILABLE = ".unavailable";

  private final Path file;
  private final Properties values = new Properties();
  private boolean unsynced;

  Checkpoints(Path cacheDir) {
    this.file = cacheDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        values.load(in);
      } catch (IOException | IllegalArgumentException e) {
        // a lost checkpoint costs a republication of the history, which the journal dedupes by sha
        log.error("Cannot read the Git checkpoints in {}; starting from scratch", file, e);
        values.clear();
      }
    }
  }

  synchronized Optional<String> head(String source) {
    return Optional.ofNullable(values.getProperty(source + HEAD));
  }

  /** Records the last published commit of a source; {@code null} forgets it (start over). */
  synchronized void saveHead(String source, String sha) {
    if (sha == null) {
      values.remove(source + HEAD);
    } else {
      values.setProperty(source + HEAD, sha);
    }
    write();
  }

  synchronized boolean unavailable(String source) {
    return Boolean.parseBoolean(values.getProperty(source + UNAVAILABLE));
  }

  /**
   * Records that an outage was (or is no longer) reported, so a restart during an outage still
   * reports the recovery, and reports the outage only once.
   */
  synchronized void saveUnavailable(String source, boolean unavailable) {
    if (unavailable) {
      values.setProperty(source + UNAVAILABLE, "true");
    } else {
      values.remove(source + UNAVAILABLE);
    }
    write();
  }

  /** Puts the saved checkpoints on the disk, so they survive a power loss too. */
  synchronized void sync() {
    if (!unsynced) {
      return;
    }
    try (FileChannel data = FileChannel.open(file, StandardOpenOption.READ);
        FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      data.force(true);
      directory.force(true); // the rename itself
      unsynced = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush the Git checkpoints in " + file, e);
    }
  }

  private void write() {
    try {
      StringWriter text = new StringWriter();
      values.store(text, "ops-journal Git collector: last published commit per source");
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
      try (FileChannel out =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      unsynced = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Git checkpoints to " + file, e);
    }
  }
}
