package dev.opsjournal.server.simulator;

import java.util.List;
import java.util.Map;

/**
 * What the simulator runs: Applications in Argo CD's namespace, each declaring Deployments and
 * Services in its destination namespace, all at one Git revision; an Application named in {@code
 * charts} also takes that Helm chart (a multi-source Application, {@link HelmChart}).
 */
record Estate(
    String cluster,
    String repoUrl,
    String revision,
    List<App> apps,
    Map<String, HelmChart> charts) {

  Estate(String cluster, String repoUrl, String revision, List<App> apps) {
    this(cluster, repoUrl, revision, apps, Map.of());
  }

  static final String ARGOCD_NAMESPACE = "argocd";

  /** One Application; {@code selfHeal} on means automated sync with self-heal. */
  record App(String name, String destination, boolean selfHeal, List<Manifest> manifests) {

    String trackingId(Manifest m) {
      return name + ":" + m.group() + "/" + m.kind() + ":" + destination + "/" + m.name();
    }
  }

  /** A desired object; for a Service {@code replicas} and {@code image} are unused. */
  record Manifest(String kind, String name, int replicas, String image) {

    static Manifest deployment(String name, int replicas, String image) {
      return new Manifest("Deployment", name, replicas, image);
    }

    static Manifest service(String name) {
      return new Manifest("Service", name, 0, "");
    }

    String group() {
      return kind.equals("Deployment") ? "apps" : "";
    }

    String version() {
      return "v1";
    }
  }

  App app(String name) {
    return apps.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
  }
}
