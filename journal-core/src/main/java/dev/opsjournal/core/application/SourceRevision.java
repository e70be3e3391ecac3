package dev.opsjournal.core.application;

import dev.opsjournal.core.observation.ArgoSource;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * The revision of each source, paired by position ({@code revisions} follows {@code
   * spec.sources}); empty for a single-source Application.
   */
  public static List<SourceRevision> pairedWith(List<ArgoSource> sources, List<String> revisions) {
    int n = Math.min(sources.size(), revisions.size());
    List<SourceRevision> paired = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ArgoSource s = sources.get(i);
      paired.add(new SourceRevision(s.repoUrl(), revisions.get(i), s.chart()));
    }
    return List.copyOf(paired);
  }
}
