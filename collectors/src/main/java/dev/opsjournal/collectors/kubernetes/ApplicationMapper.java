package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.UrlCredentials;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.HistoryEntry;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.ApplicationObserved.SyncResult;
import dev.opsjournal.core.observation.ArgoSource;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.util.List;

/**
 * An Argo CD Application ({@code argoproj.io/v1alpha1}) as an {@link ApplicationObserved}: where
 * its desired state comes from and how it is enforced, and the status fields the journal reads.
 * Every field may be absent (a new Application has no status; Argo CD 3 drops health from {@code
 * status.resources}); a field of the wrong type makes the object malformed.
 */
final class ApplicationMapper {

  private final String cluster;

  ApplicationMapper(String cluster) {
    this.cluster = cluster;
  }

  ResourceKey keyOf(GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    if (meta == null) {
      throw new MalformedObjectException("an Application without metadata");
    }
    return ResourceKey.application(cluster, meta.getNamespace(), meta.getName());
  }

  ApplicationObserved map(GenericKubernetesResource object, WatchAction action, Instant at) {
    ObjectMeta meta = object.getMetadata();
    Node root = Node.of(object.getAdditionalProperties(), "");
    return new ApplicationObserved(
        keyOf(object),
        at,
        action,
        meta.getUid(),
        meta.getResourceVersion(),
        meta.getLabels(),
        ResourceMapper.trackingAnnotations(meta),
        spec(root.get("spec")),
        status(root.get("status")));
  }

  /**
   * {@code spec.source}, or the first of {@code spec.sources} for multi-source Applications, and
   * every entry of {@code spec.sources} (Argo CD ignores {@code spec.source} when both are set).
   */
  static Spec spec(Node spec) {
    List<ArgoSource> sources =
        spec.get("sources").list().stream().map(ApplicationMapper::source).toList();
    Node source = sources.isEmpty() ? spec.get("source") : spec.get("sources").first();
    Node destination = spec.get("destination");
    Node automated = spec.get("syncPolicy").get("automated");
    // Argo CD 3.1 can switch automation off while keeping its settings: automated.enabled=false
    boolean enabled = automated.present() && !Boolean.FALSE.equals(flag(automated.get("enabled")));
    return new Spec(
        spec.get("project").text(),
        UrlCredentials.strip(source.get("repoURL").text()),
        source.get("path").text(),
        source.get("targetRevision").text(),
        source.get("chart").text(),
        destination.get("server").text(),
        destination.get("name").text(),
        destination.get("namespace").text(),
        enabled,
        automated.get("selfHeal").bool(),
        automated.get("prune").bool(),
        sources);
  }

  private static ArgoSource source(Node s) {
    return new ArgoSource(
        UrlCredentials.strip(s.get("repoURL").text()),
        s.get("path").text(),
        s.get("targetRevision").text(),
        s.get("chart").text(),
        s.get("ref").text());
  }

  /** A list of revisions ({@code revisions} of a multi-source Application), or empty. */
  private static List<String> revisions(Node parent) {
    return parent.get("revisions").list().stream().map(r -> r.text("")).toList();
  }

  static Status status(Node status) {
    if (!status.present()) {
      return null;
    }
    Node sync = status.get("sync");
    return new Status(
        sync.get("status").text(),
        revision(sync),
        status.get("health").get("status").text(),
        status.get("reconciledAt").time(),
        operation(status.get("operationState")),
        status.get("conditions").list().stream().map(ApplicationMapper::condition).toList(),
        status.get("resources").list().stream().map(ApplicationMapper::declared).toList(),
        status.get("history").list().stream().map(ApplicationMapper::history).toList(),
        revisions(sync));
  }

  /**
   * {@code status.operationState}, the last operation only. Without a phase or start time it cannot
   * be told apart from the previous one, so it is left out rather than guessed.
   */
  static Operation operation(Node state) {
    if (!state.present()
        || state.get("phase").text("").isBlank()
        || state.get("startedAt").time() == null) {
      return null;
    }
    Node sync = state.get("operation").get("sync");
    String revision = sync.get("revision").text("");
    if (revision.isEmpty()) {
      revision = sync.get("revisions").first().text("");
    }
    if (revision.isEmpty()) {
      revision = revision(state.get("syncResult"));
    }
    List<String> revisions = revisions(sync);
    if (revisions.isEmpty()) {
      revisions = revisions(state.get("syncResult"));
    }
    List<String> syncResources =
        sync.get("resources").list().stream()
            .map(
                r ->
                    r.get("group").text("")
                        + "/"
                        + r.get("kind").text("")
                        + "/"
                        + r.get("namespace").text("")
                        + "/"
                        + r.get("name").text(""))
            .toList();
    List<SyncResult> results =
        state.get("syncResult").get("resources").list().stream()
            .map(
                r ->
                    new SyncResult(
                        r.get("group").text(),
                        r.get("kind").text(),
                        r.get("namespace").text(),
                        r.get("name").text(),
                        r.get("status").text(),
                        UrlCredentials.strip(r.get("message").text())))
            .toList();
    return new Operation(
        state.get("phase").text(),
        UrlCredentials.strip(state.get("message").text()),
        revision,
        initiator(state.get("operation").get("initiatedBy")),
        syncResources,
        state.get("startedAt").time(),
        state.get("finishedAt").time(),
        results,
        revisions);
  }

  /** {@code revision}, or the first of {@code revisions} for multi-source Applications. */
  private static String revision(Node parent) {
    String revision = parent.get("revision").text("");
    return revision.isEmpty() ? parent.get("revisions").first().text("") : revision;
  }

  private static Initiator initiator(Node initiatedBy) {
    return new Initiator(
        initiatedBy.get("username").text(),
        Boolean.TRUE.equals(flag(initiatedBy.get("automated"))));
  }

  private static Condition condition(Node c) {
    return new Condition(
        c.get("type").text(),
        UrlCredentials.strip(c.get("message").text()),
        c.get("lastTransitionTime").time());
  }

  private static DeclaredResource declared(Node r) {
    return new DeclaredResource(
        r.get("group").text(),
        r.get("version").text(),
        r.get("kind").text(),
        r.get("namespace").text(),
        r.get("name").text(),
        r.get("status").text(),
        r.get("health").get("status").text(),
        r.get("requiresPruning").bool());
  }

  private static HistoryEntry history(Node h) {
    Long id = h.get("id").number();
    return new HistoryEntry(
        id == null ? 0 : id,
        revision(h),
        h.get("deployStartedAt").time(),
        h.get("deployedAt").time(),
        initiator(h.get("initiatedBy")),
        revisions(h));
  }

  /** A boolean that may be absent (null). */
  private static Boolean flag(Node node) {
    return node.present() ? node.bool() : null;
  }
}
