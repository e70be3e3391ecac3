package dev.opsjournal.server.simulator;

import java.util.List;
import java.util.Map;

/**
 * A Helm chart an Application takes besides its Git path, making it a multi-source Application: the
 * chart comes first in {@code spec.sources} (so that a reader of only the first source sees only
 * the chart), the Git path second. Argo CD then writes {@code revisions} lists, one per source in
 * that order, wherever a single-source Application has a {@code revision}: {@code status.sync},
 * {@code operation.sync}, {@code syncResult} and each history entry; its {@code targetRevision} is
 * a chart version, which stays the chart's revision (a Helm repository has no commits).
 */
record HelmChart(String repoUrl, String chart, String version) {

  Map<String, Object> source() {
    return ApplicationDocument.map("repoURL", repoUrl, "chart", chart, "targetRevision", version);
  }

  /** {@code spec.sources}: the chart, then the Git {@code source}. */
  List<Map<String, Object>> sources(Map<String, Object> gitSource) {
    return List.of(source(), gitSource);
  }

  /** {@code revisions}: the chart version, then the Git revision. */
  List<String> revisions(String gitRevision) {
    return List.of(version, gitRevision);
  }

  /**
   * Puts {@code revision} and {@code source} into {@code parent} as Argo CD writes them: the
   * singular fields for a single-source Application ({@code chart} null), the lists otherwise.
   */
  static void put(
      Map<String, Object> parent, HelmChart chart, String revision, Map<String, Object> source) {
    if (chart == null) {
      parent.put("revision", revision);
      parent.put("source", source);
    } else {
      parent.put("revisions", chart.revisions(revision));
      parent.put("sources", chart.sources(source));
    }
  }
}
