package dev.opsjournal.core.observation;

/**
 * One source of an Argo CD Application ({@code spec.source} or an entry of {@code spec.sources}). A
 * Helm source from a Helm repository (or OCI registry) names a {@code chart}, and its {@code
 * targetRevision} is a chart version, never a Git commit; a Git source has a {@code path} (or only
 * a {@code ref}, when it only lends value files to another source).
 *
 * @param ref the name other sources use for it ({@code $values}), or empty
 */
public record ArgoSource(
    String repoUrl, String path, String targetRevision, String chart, String ref) {

  public ArgoSource {
    repoUrl = repoUrl == null ? "" : repoUrl;
    path = path == null ? "" : path;
    targetRevision = targetRevision == null ? "" : targetRevision;
    chart = chart == null ? "" : chart;
    ref = ref == null ? "" : ref;
  }

  /** A chart from a Helm repository or an OCI registry: its revisions are chart versions. */
  public boolean helmChart() {
    return !chart.isEmpty() || repoUrl.startsWith("oci://");
  }

  /** A Git repository: its revisions are commits. */
  public boolean git() {
    return !helmChart() && !repoUrl.isEmpty();
  }
}
