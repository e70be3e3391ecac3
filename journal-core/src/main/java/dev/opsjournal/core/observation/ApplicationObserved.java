package dev.opsjournal.core.observation;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.opsjournal.core.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An Argo CD Application ({@code argoproj.io/v1alpha1}) as a watch saw it: the parts of its spec
 * that say what is desired and how it is enforced, and the parts of its status the journal reads.
 */
public record ApplicationObserved(
    ResourceKey application,
    Instant observedAt,
    WatchAction action,
    String uid,
    String resourceVersion,
    Map<String, String> labels,
    Map<String, String> annotations,
    Spec spec,
    Status status)
    implements Observation {

  public ApplicationObserved {
    Observations.required(application, "the Application's key");
    if (!application.isApplication()) {
      throw new IllegalArgumentException(
          "an application observation must name an argoproj.io Application, not " + application);
    }
    Observations.required(observedAt, "observedAt");
    Observations.required(action, "an action (ADDED, MODIFIED, DELETED)");
    Observations.required(uid, "the Application's uid");
    resourceVersion = resourceVersion == null ? "" : resourceVersion;
    labels = Observations.map(labels);
    annotations = Observations.map(annotations);
    spec = spec == null ? Spec.EMPTY : spec;
    status = status == null ? Status.EMPTY : status;
  }

  @Override
  public String subject() {
    return application.toString();
  }

  /**
   * {@code spec}: what is desired (source), where (destination), and how it is enforced. The
   * singular source fields hold {@code spec.source}, or the first of {@code spec.sources}.
   *
   * @param sources every entry of {@code spec.sources}, in order; empty for a single-source
   *     Application (and in observations written before multi-source Applications were read)
   */
  public record Spec(
      String project,
      String repoUrl,
      String path,
      String targetRevision,
      String chart,
      String destinationServer,
      String destinationName,
      String destinationNamespace,
      boolean automated,
      boolean selfHeal,
      boolean prune,
      List<ArgoSource> sources) {
    static final Spec EMPTY = new Spec("", "", "", "", "", "", "", "", false, false, false);

    /** A single-source Application's spec. */
    public Spec(
        String project,
        String repoUrl,
        String path,
        String targetRevision,
        String chart,
        String destinationServer,
        String destinationName,
        String destinationNamespace,
        boolean automated,
        boolean selfHeal,
        boolean prune) {
      this(
          project,
          repoUrl,
          path,
          targetRevision,
          chart,
          destinationServer,
          destinationName,
          destinationNamespace,
          automated,
          selfHeal,
          prune,
          List.of());
    }

    @JsonCreator
    public Spec {
      project = nonNull(project);
      repoUrl = nonNull(repoUrl);
      path = nonNull(path);
      targetRevision = nonNull(targetRevision);
      chart = nonNull(chart);
      destinationServer = nonNull(destinationServer);
      destinationName = nonNull(destinationName);
      destinationNamespace = nonNull(destinationNamespace);
      sources = Observations.list(sources);
    }

    /** Every source: {@code spec.sources}, or the single {@code spec.source}. */
    public List<ArgoSource> allSources() {
      if (!sources.isEmpty()) {
        return sources;
      }
      return repoUrl.isEmpty()
          ? List.of()
          : List.of(new ArgoSource(repoUrl, path, targetRevision, chart, ""));
    }
  }

  /**
   * {@code status}. {@code syncStatus} is Synced, OutOfSync or Unknown (empty when not yet known);
   * {@code syncRevision} is the revision the live state was compared to (the first source's, for a
   * multi-source Application).
   *
   * @param syncRevisions {@code status.sync.revisions}: one per source of a multi-source
   *     Application, in the order of {@code spec.sources}; empty otherwise
   */
  public record Status(
      String syncStatus,
      String syncRevision,
      String healthStatus,
      Instant reconciledAt,
      Operation operationState,
      List<Condition> conditions,
      List<DeclaredResource> resources,
      List<HistoryEntry> history,
      List<String> syncRevisions) {
    static final Status EMPTY = new Status("", "", "", null, null, null, null, null);

    /** A single-source Application's status. */
    public Status(
        String syncStatus,
        String syncRevision,
        String healthStatus,
        Instant reconciledAt,
        Operation operationState,
        List<Condition> conditions,
        List<DeclaredResource> resources,
        List<HistoryEntry> history) {
      this(
          syncStatus,
          syncRevision,
          healthStatus,
          reconciledAt,
          operationState,
          conditions,
          resources,
          history,
          List.of());
    }

    @JsonCreator
    public Status {
      syncStatus = nonNull(syncStatus);
      syncRevision = nonNull(syncRevision);
      healthStatus = nonNull(healthStatus);
      conditions = Observations.list(conditions);
      resources = Observations.list(resources);
      history = Observations.list(history);
      syncRevisions = Observations.list(syncRevisions);
    }
  }

  /**
   * {@code status.operationState}: only the LAST operation (the next one overwrites it).
   *
   * @param phase Running, Terminating, Failed, Error or Succeeded
   * @param syncResources {@code operation.sync.resources}: set for a partial sync (self-heal)
   * @param revisions {@code operation.sync.revisions} (else {@code syncResult.revisions}): one per
   *     source of a multi-source Application; empty otherwise
   */
  public record Operation(
      String phase,
      String message,
      String revision,
      Initiator initiatedBy,
      List<String> syncResources,
      Instant startedAt,
      Instant finishedAt,
      List<SyncResult> results,
      List<String> revisions) {

    /** A single-source Application's operation. */
    public Operation(
        String phase,
        String message,
        String revision,
        Initiator initiatedBy,
        List<String> syncResources,
        Instant startedAt,
        Instant finishedAt,
        List<SyncResult> results) {
      this(
          phase,
          message,
          revision,
          initiatedBy,
          syncResources,
          startedAt,
          finishedAt,
          results,
          List.of());
    }

    @JsonCreator
    public Operation {
      Observations.required(phase, "operationState.phase");
      Observations.required(startedAt, "operationState.startedAt");
      message = nonNull(message);
      revision = nonNull(revision);
      initiatedBy = initiatedBy == null ? new Initiator("", false) : initiatedBy;
      syncResources = Observations.list(syncResources);
      results = Observations.list(results);
      revisions = Observations.list(revisions);
    }

    public boolean partial() {
      return !syncResources.isEmpty();
    }

    public boolean finished() {
      return OperationPhase.of(phase).finished();
    }
  }

  /** {@code operation.initiatedBy}: a user, or Argo CD itself (auto-sync and self-heal). */
  public record Initiator(String username, boolean automated) {
    public Initiator {
      username = nonNull(username);
    }

    /** The user's name, or {@code automated}. */
    public String describe() {
      return automated || username.isEmpty() ? "automated" : username;
    }
  }

  /** One entry of {@code syncResult.resources}. */
  public record SyncResult(
      String group, String kind, String namespace, String name, String status, String message) {
    public SyncResult {
      group = nonNull(group);
      namespace = nonNull(namespace);
      status = nonNull(status);
      message = nonNull(message);
    }
  }

  /** One entry of {@code status.conditions}. */
  public record Condition(String type, String message, Instant lastTransitionTime) {
    public Condition {
      Observations.required(type, "a condition type");
      message = nonNull(message);
    }
  }

  /**
   * One entry of {@code status.resources}: a resource the Application declares, and whether the
   * live object matches Git.
   */
  public record DeclaredResource(
      String group,
      String version,
      String kind,
      String namespace,
      String name,
      String status,
      String health,
      boolean requiresPruning) {
    public DeclaredResource {
      group = nonNull(group);
      version = nonNull(version);
      Observations.required(kind, "a declared resource kind");
      namespace = nonNull(namespace);
      Observations.required(name, "a declared resource name");
      status = nonNull(status);
      health = nonNull(health);
    }
  }

  /**
   * One entry of {@code status.history} (truncated to revisionHistoryLimit; ids keep counting).
   *
   * @param revisions one per source of a multi-source Application; empty otherwise
   */
  public record HistoryEntry(
      long id,
      String revision,
      Instant deployStartedAt,
      Instant deployedAt,
      Initiator initiatedBy,
      List<String> revisions) {

    /** A single-source Application's history entry. */
    public HistoryEntry(
        long id,
        String revision,
        Instant deployStartedAt,
        Instant deployedAt,
        Initiator initiatedBy) {
      this(id, revision, deployStartedAt, deployedAt, initiatedBy, List.of());
    }

    @JsonCreator
    public HistoryEntry {
      revision = nonNull(revision);
      revisions = Observations.list(revisions);
    }
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
