package dev.opsjournal.core.application;

/**
 * The revision one source of an Application was synced to: a Git commit for a Git source, a chart
 * version for a Helm chart (never to be looked up as a commit).
 *
 * @param chart the chart's name for a Helm source; empty for a Git source
 */
public record SourceRevision(String repoUrl, String revision, String chart) {

  public SourceRevision {
    repoUrl = repoUrl == null ? "" : repoUrl;
    revision = revision == null ? "" : revision;
    chart = chart == null ? "" : chart;
  }

  /** The revision is a Git commit (not a chart version). */
  public boolean commit() {
    return chart.isEmpty() && !repoUrl.startsWith("oci://");
  }
}
