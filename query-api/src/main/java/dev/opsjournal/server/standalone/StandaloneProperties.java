package dev.opsjournal.server.standalone;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsjournal.standalone.*}: the standalone mode (the ports of its embedded servers are read
 * by {@link StandaloneInfrastructure} before the context starts).
 *
 * @param enabled whether this process runs the standalone mode
 * @param dataDir where the embedded Kafka and PostgreSQL keep their data, and replays their marks
 * @param example a bundled example to replay ({@code week-02}), instead of {@code replay.*}
 * @param replay a recorded capture and Git repository to replay
 */
@ConfigurationProperties("opsjournal.standalone")
public record StandaloneProperties(
    boolean enabled,
    @DefaultValue("./data") Path dataDir,
    String example,
    @DefaultValue Replay replay) {

  /**
   * @param capture a file of watch events as {@code kubectl get -A --watch --output-watch-events -o
   *     json} prints them (optionally wrapped with {@code observedAt})
   * @param git a Git repository (a work tree with {@code .git}, or a bare repository)
   * @param gitUrl the URL the Applications name for that repository (default: its file:// URL)
   * @param branch the branch of {@code git} to replay
   * @param cluster the cluster's name in the journal
   * @param progressEvery log progress every this many values
   */
  public record Replay(
      Path capture,
      Path git,
      String gitUrl,
      @DefaultValue("main") String branch,
      @DefaultValue("local") String cluster,
      @DefaultValue("1000") int progressEvery) {}
}
