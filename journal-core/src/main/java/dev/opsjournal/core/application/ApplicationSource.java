package dev.opsjournal.core.application;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.opsjournal.core.observation.ArgoSource;
import java.util.List;

/**
 * Where an Application takes its desired state from and where it puts it. The singular source
 * fields are {@code spec.source}, or the first of {@code spec.sources}.
 *
 * @param targetRevision a branch, tag, sha, or {@code HEAD}/empty for the default branch
 * @param sources every entry of {@code spec.sources} of a multi-source Application, in order; empty
 *     for a single-source one (and in events recorded before multi-source Applications were read)
 */
public record ApplicationSource(
    String repoUrl,
    String path,
    String targetRevision,
    String chart,
    String destinationServer,
    String destinationName,
    String destinationNamespace,
    String project,
    List<ArgoSource> sources) {

  /** A single-source Application's source. */
  public ApplicationSource(
      String repoUrl,
      String path,
      String targetRevision,
      String chart,
      String destinationServer,
      String destinationName,
      String destinationNamespace,
      String project) {
    this(
        repoUrl,
        path,
        targetRevision,
        chart,
        destinationServer,
        destinationName,
        destinationNamespace,
        project,
        List.of());
  }

  @JsonCreator
  public ApplicationSource {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  /** Every source: {@code spec.sources}, or the single one. */
  public List<ArgoSource> allSources() {
    if (!sources.isEmpty()) {
      return sources;
    }
    return repoUrl == null || repoUrl.isEmpty()
        ? List.of()
        : List.of(new ArgoSource(repoUrl, path, targetRevision, chart, ""));
  }

  /** The sources whose revisions are Git commits (not Helm charts). */
  public List<ArgoSource> gitSources() {
    return allSources().stream().filter(ArgoSource::git).toList();
  }
}
