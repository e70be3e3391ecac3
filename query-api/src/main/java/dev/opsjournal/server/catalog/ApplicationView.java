package dev.opsjournal.server.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * An Application as the journal last registered it: where it takes its desired state from (every
 * source, in the order of {@code spec.sources}) and where it puts it.
 *
 * @param deletedAt when it was deleted; null while it exists
 */
@Schema(description = "An Application with its sources and destination")
public record ApplicationView(
    String application,
    String cluster,
    String project,
    Destination destination,
    List<Source> sources,
    Instant registeredAt,
    Instant deletedAt) {

  /** Where the Application puts its resources. */
  @Schema(description = "Where the Application puts its resources")
  public record Destination(String server, String name, String namespace) {}

  /**
   * One source.
   *
   * @param type {@code git} (its revisions are commits) or {@code helm} (a chart from a Helm
   *     repository or OCI registry: its {@code targetRevision} is a chart version)
   * @param ref the name other sources use for it ({@code $values}), or empty
   */
  @Schema(description = "One source of an Application")
  public record Source(
      String type, String repoUrl, String path, String targetRevision, String chart, String ref) {}
}
