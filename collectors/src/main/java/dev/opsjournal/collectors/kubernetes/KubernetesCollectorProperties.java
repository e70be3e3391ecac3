package dev.opsjournal.collectors.kubernetes;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opsjournal.collectors.kubernetes.*}: which cluster this is, what to watch, how often to
 * say it is alive, what to redact, and whether to elect a leader among replicas.
 *
 * @param cluster the cluster's name in the journal (Argo CD's tracking-id carries none)
 * @param namespaces where to watch tracked kinds and Events; empty means all namespaces
 * @param applicationNamespaces where to watch Argo CD Applications; empty means all namespaces
 * @param trackedKinds the kinds whose objects are journaled, with plural and scope given so that no
 *     API discovery is needed
 * @param heartbeatInterval how often a heartbeat carries the journal's clock forward
 * @param resyncPeriod how often informers replay their cache (never published: not a change)
 * @param redaction regexes, searched case-insensitively in env var names: a matching variable's
 *     value is hashed before it is fingerprinted
 */
@ConfigurationProperties("opsjournal.collectors.kubernetes")
public record KubernetesCollectorProperties(
    boolean enabled,
    String cluster,
    List<String> namespaces,
    List<String> applicationNamespaces,
    List<TrackedKind> trackedKinds,
    Duration heartbeatInterval,
    Duration resyncPeriod,
    List<String> redaction,
    LeaderElection leaderElection) {

  /** What is journaled when nothing else is configured: the workloads and their plumbing. */
  static final List<TrackedKind> DEFAULT_KINDS =
      List.of(
          new TrackedKind("apps", "v1", "Deployment", "deployments", true),
          new TrackedKind("apps", "v1", "StatefulSet", "statefulsets", true),
          new TrackedKind("apps", "v1", "DaemonSet", "daemonsets", true),
          new TrackedKind("", "v1", "Service", "services", true),
          new TrackedKind("", "v1", "ConfigMap", "configmaps", true),
          new TrackedKind("", "v1", "Secret", "secrets", true),
          new TrackedKind("", "v1", "Namespace", "namespaces", false),
          new TrackedKind("networking.k8s.io", "v1", "Ingress", "ingresses", true));

  static final List<String> DEFAULT_REDACTION =
      List.of("password|passwd|secret|token|key|credential");

  public KubernetesCollectorProperties {
    if (cluster == null || cluster.isBlank()) {
      throw new IllegalArgumentException(
          "opsjournal.collectors.kubernetes.cluster is required: the name this cluster has in the"
              + " journal, e.g. 'local' or 'prod-eu'");
    }
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    applicationNamespaces =
        applicationNamespaces == null ? List.of() : List.copyOf(applicationNamespaces);
    trackedKinds =
        trackedKinds == null || trackedKinds.isEmpty() ? DEFAULT_KINDS : List.copyOf(trackedKinds);
    heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(30) : heartbeatInterval;
    resyncPeriod = resyncPeriod == null ? Duration.ofMinutes(10) : resyncPeriod;
    redaction = redaction == null ? DEFAULT_REDACTION : List.copyOf(redaction);
    redaction.forEach(Pattern::compile); // a bad regex fails at start, not on the first Secret
    leaderElection = leaderElection == null ? LeaderElection.DEFAULTS : leaderElection;
  }

  /** The defaults for a cluster: enabled, every default kind, all namespaces, no election. */
  public static KubernetesCollectorProperties forCluster(String cluster) {
    return new KubernetesCollectorProperties(
        true, cluster, null, null, null, null, null, null, null);
  }

  public KubernetesCollectorProperties withTrackedKinds(List<TrackedKind> kinds) {
    return new KubernetesCollectorProperties(
        enabled,
        cluster,
        namespaces,
        applicationNamespaces,
        kinds,
        heartbeatInterval,
        resyncPeriod,
        redaction,
        leaderElection);
  }

  public KubernetesCollectorProperties withHeartbeatInterval(Duration interval) {
    return new KubernetesCollectorProperties(
        enabled,
        cluster,
        namespaces,
        applicationNamespaces,
        trackedKinds,
        interval,
        resyncPeriod,
        redaction,
        leaderElection);
  }

  public KubernetesCollectorProperties withResyncPeriod(Duration period) {
    return new KubernetesCollectorProperties(
        enabled,
        cluster,
        namespaces,
        applicationNamespaces,
        trackedKinds,
        heartbeatInterval,
        period,
        redaction,
        leaderElection);
  }

  public KubernetesCollectorProperties withLeaderElection(LeaderElection election) {
    return new KubernetesCollectorProperties(
        enabled,
        cluster,
        namespaces,
        applicationNamespaces,
        trackedKinds,
        heartbeatInterval,
        resyncPeriod,
        redaction,
        election);
  }

  /**
   * A kind to journal. The plural and scope are configuration rather than discovered, so the
   * collector needs no discovery permissions and runs against API servers that serve none.
   *
   * @param group the API group, empty for the core group
   */
  public record TrackedKind(
      String group, String version, String kind, String plural, boolean namespaced) {

    public TrackedKind {
      group = group == null ? "" : group;
      require(version, "version");
      require(kind, "kind");
      require(plural, "plural");
    }

    String apiVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    ResourceDefinitionContext context() {
      return new ResourceDefinitionContext.Builder()
          .withGroup(group)
          .withVersion(version)
          .withKind(kind)
          .withPlural(plural)
          .withNamespaced(namespaced)
          .build();
    }

    private static void require(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("a tracked kind needs a " + what);
      }
    }
  }

  /**
   * Leader election on a {@code coordination.k8s.io} Lease, for replicated collectors: only the
   * holder watches and publishes.
   *
   * @param leaseNamespace where the Lease lives; empty means the client's namespace (the pod's own
   *     namespace in-cluster)
   * @param identity this replica's name in the Lease; defaults to the host name (the pod name)
   */
  public record LeaderElection(
      boolean enabled,
      String leaseName,
      String leaseNamespace,
      String identity,
      Duration leaseDuration,
      Duration renewDeadline,
      Duration retryPeriod) {

    static final LeaderElection DEFAULTS =
        new LeaderElection(false, null, null, null, null, null, null);

    public LeaderElection {
      leaseName = leaseName == null || leaseName.isBlank() ? "ops-journal-collectors" : leaseName;
      leaseNamespace = leaseNamespace == null ? "" : leaseNamespace;
      identity = identity == null || identity.isBlank() ? hostName() : identity;
      leaseDuration = leaseDuration == null ? Duration.ofSeconds(15) : leaseDuration;
      renewDeadline = renewDeadline == null ? Duration.ofSeconds(10) : renewDeadline;
      retryPeriod = retryPeriod == null ? Duration.ofSeconds(2) : retryPeriod;
    }

    private static String hostName() {
      String fromEnv = System.getenv("HOSTNAME"); // the pod name in Kubernetes
      if (fromEnv != null && !fromEnv.isBlank()) {
        return fromEnv;
      }
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        return "unknown-host";
      }
    }
  }
}
