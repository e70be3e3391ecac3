package dev.opsjournal.collectors.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * What to replay.
 *
 * @param name how logs and the replay's mark name it
 * @param capture opens the capture, or null for none
 * @param git a Git repository, or null for none
 * @param gitUrl the URL the Applications name for {@code git} (null or blank: its file:// URL)
 * @param branch the branch of {@code git} to replay
 * @param cluster the cluster the capture's objects are journaled under
 * @param progressEvery how many steps between two progress lines in the log
 */
public record ReplaySource(
    String name,
    CaptureOpener capture,
    Path git,
    String gitUrl,
    String branch,
    String cluster,
    int progressEvery) {

  /** Opens the capture's characters. */
  @FunctionalInterface
  public interface CaptureOpener {
    Reader open() throws IOException;
  }
}
