package dev.opsjournal.core.application;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.UrlCredentials;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One Argo CD Application. It turns successive snapshots of the Application into transitions:
 * {@code status.operationState} only ever holds the last operation and {@code status.history}
 * forgets partial syncs and keeps ten entries, so the journal records each operation as it passes.
 */
public class Application {

  /** Argo CD's name for the cluster it runs in. */
  private static final String IN_CLUSTER = "in-cluster";

  private static final String COMPARISON_ERROR = "ComparisonError";

  @AggregateIdentifier private String id;
  private ResourceKey application;
  private String uid;
  private boolean deleted;
  private Instant lastObservedAt;
  private ApplicationSource source;
  private SyncPolicy syncPolicy;

  private String syncStatus = "";
  private String syncRevision = "";
  private String health = "";
  private final Set<ConditionKey> conditions = new LinkedHashSet<>();
  private final Map<ResourceKey, String> declared = new HashMap<>();
  private String gitErrorRepo; // the repository a Git error is reported for, or null
  private final Set<String> attributedEvents = new HashSet<>();

  private String operationId;
  private boolean operationCompleted;
  private LastSync lastSync;
  private LastSync runningSync;
  private OperationIdentity.Completed lastCompleted;

  /** The verdicts the command being handled applied (not state: nothing replays it). */
  private transient List<ResourceStatusReported> reported = new ArrayList<>();

  Application() {
    // for Axon
  }

  public static String aggregateId(ResourceKey application) {
    return "application:" + application;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  List<ResourceStatusReported> handle(ObserveApplication command) {
    reported = new ArrayList<>();
    identify(command.aggregateId()); // Axon keeps a new aggregate by id even when nothing happened
    ApplicationObserved seen = command.observation();
    if (lastObservedAt != null && seen.observedAt().isBefore(lastObservedAt)) {
      return List.of(); // re-delivered or stale
    }
    Instant at = seen.observedAt();
    ResourceKey key = seen.application();

    if (seen.action() == WatchAction.DELETED) {
      if (uid != null && !deleted) {
        declared.keySet().stream()
            .sorted()
            .toList()
            .forEach(resource -> undeclare(key, resource, syncRevision, false, at));
        if (gitErrorRepo != null) {
          apply(new GitErrorCleared(key, gitErrorRepo, at));
        }
        apply(new ApplicationDeleted(key, uid, at));
      }
      return reported;
    }

    ApplicationSource newSource = sourceOf(seen.spec());
    SyncPolicy newPolicy = policyOf(seen.spec());
    if (uid == null || deleted || !uid.equals(seen.uid())) {
      apply(new ApplicationRegistered(key, seen.uid(), newSource, newPolicy, at));
    } else if (!newSource.equals(source) || !newPolicy.equals(syncPolicy)) {
      apply(new ApplicationSpecChanged(key, newSource, newPolicy, at));
    }

    ApplicationObserved.Status status = seen.status();
    observeOperation(key, status.operationState(), seen.spec(), at);

    boolean revisionChanged = !status.syncRevision().equals(syncRevision);
    String previousRevision = syncRevision;
    if (!status.syncStatus().equals(syncStatus) || revisionChanged) {
      apply(
          new SyncStatusChanged(
              key, syncStatus, status.syncStatus(), previousRevision, status.syncRevision(), at));
    }
    if (!status.healthStatus().equals(health)) {
      apply(new HealthChanged(key, health, status.healthStatus(), at));
    }
    observeConditions(key, status.conditions(), at);
    observeGitError(key, status.conditions(), at);
    observeDeclarations(
        key, seen.spec(), status, revisionChanged && !previousRevision.isEmpty(), at);
    return reported;
  }

  /**
   * An Event about this Application: a person's act it names ({@link People}) is attributed once
   * per Event. It does not move {@code lastObservedAt}: Events come on their own watch, in their
   * own order.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ObserveApplicationEvent command) {
    identify(command.aggregateId());
    KubernetesEventObserved e = command.event();
    if (attributedEvents.contains(e.uid())) {
      return;
    }
    People.of(e.reason(), e.message()).ifPresent(act -> apply(ApplicationAttributed.of(e, act)));
  }

  private void observeOperation(ResourceKey key, Operation operation, Spec spec, Instant at) {
    if (operation == null) {
      return;
    }
    String opId =
        OperationIdentity.of(operation, operationId, operationCompleted ? lastCompleted : null);
    String initiator = operation.initiatedBy().describe();
    boolean automated = operation.initiatedBy().automated();
    List<SourceRevision> sources = SourceRevision.pairedWith(spec.sources(), operation.revisions());
    if (!opId.equals(operationId)) {
      apply(
          new SyncStarted(
              key,
              opId,
              operation.revision(),
              initiator,
              automated,
              operation.syncResources(),
              operation.startedAt(),
              at,
              sources));
    }
    if (operation.finished() && !operationCompleted) {
      apply(
          new SyncCompleted(
              key,
              opId,
              operation.phase(),
              operation.revision(),
              initiator,
              automated,
              operation.partial(),
              operation.message(),
              operation.results().stream().map(SyncCompleted.ResourceResult::of).toList(),
              operation.startedAt(),
              operation.finishedAt() == null ? at : operation.finishedAt(),
              at,
              sources));
    }
  }

  /** Conditions are told apart by type and message: Argo CD raises one warning per object. */
  private void observeConditions(ResourceKey key, List<Condition> seen, Instant at) {
    Set<ConditionKey> now = new LinkedHashSet<>();
    seen.forEach(c -> now.add(new ConditionKey(c.type(), c.message())));
    now.stream()
        .filter(c -> !conditions.contains(c))
        .forEach(c -> apply(new ConditionRaised(key, c.type(), c.message(), at)));
    conditions.stream()
        .filter(c -> !now.contains(c))
        .toList()
        .forEach(c -> apply(new ConditionCleared(key, c.type(), c.message(), at)));
  }

  /**
   * A ComparisonError that is a Git error ({@link GitFailure}) raises one Git error for the
   * Application's repository, however often Argo CD rewords it while Git stays unreadable; it
   * clears when no such condition is left, or moves when the source moves to another repository.
   */
  private void observeGitError(ResourceKey key, List<Condition> seen, Instant at) {
    Condition gitError =
        seen.stream()
            .filter(c -> COMPARISON_ERROR.equals(c.type()))
            .filter(c -> GitFailure.of(c.message()).isPresent())
            .findFirst()
            .orElse(null);
    String repoUrl = UrlCredentials.strip(source.repoUrl());
    if (gitErrorRepo != null && (gitError == null || !gitErrorRepo.equals(repoUrl))) {
      apply(new GitErrorCleared(key, gitErrorRepo, at));
    }
    if (gitError != null && gitErrorRepo == null) {
      apply(
          new GitErrorRaised(
              key,
              repoUrl,
              GitFailure.of(gitError.message()).orElseThrow(),
              UrlCredentials.strip(gitError.message()),
              at));
    }
  }

  private void observeDeclarations(
      ResourceKey key,
      Spec spec,
      ApplicationObserved.Status status,
      boolean revisionChanged,
      Instant at) {
    String cluster =
        spec.destinationName().isEmpty() || IN_CLUSTER.equals(spec.destinationName())
            ? key.cluster()
            : spec.destinationName();
    Map<ResourceKey, String> now = new LinkedHashMap<>();
    for (DeclaredResource r : status.resources()) {
      now.put(ResourceKey.of(cluster, r.group(), r.kind(), r.namespace(), r.name()), r.status());
    }
    now.forEach(
        (resource, resourceStatus) -> {
          String before = declared.getOrDefault(resource, "");
          if (!resourceStatus.equals(before) || !declared.containsKey(resource)) {
            report(
                new ResourceStatusReported(
                    key,
                    resource,
                    before,
                    resourceStatus,
                    status.syncRevision(),
                    revisionChanged,
                    LastSync.current(runningSync, lastSync),
                    at));
          }
        });
    declared.keySet().stream()
        .filter(resource -> !now.containsKey(resource))
        .sorted()
        .toList()
        .forEach(resource -> undeclare(key, resource, status.syncRevision(), revisionChanged, at));
  }

  /** The Application no longer lists the resource (or is gone). */
  private void undeclare(
      ResourceKey key, ResourceKey resource, String revision, boolean revisionChanged, Instant at) {
    report(
        new ResourceStatusReported(
            key,
            resource,
            declared.get(resource),
            "",
            revision,
            revisionChanged,
            LastSync.current(runningSync, lastSync),
            at));
  }

  /**
   * Applies a verdict and keeps it for the command's answer: the server hands each to the declared
   * object's aggregate in the same unit of work.
   */
  private void report(ResourceStatusReported verdict) {
    apply(verdict);
    reported.add(verdict);
  }

  private static ApplicationSource sourceOf(Spec spec) {
    return new ApplicationSource(
        spec.repoUrl(),
        spec.path(),
        spec.targetRevision(),
        spec.chart(),
        spec.destinationServer(),
        spec.destinationName(),
        spec.destinationNamespace(),
        spec.project(),
        spec.sources());
  }

  private static SyncPolicy policyOf(Spec spec) {
    return new SyncPolicy(spec.automated(), spec.selfHeal(), spec.prune());
  }

  // --- state, only ever changed by events ---

  @EventSourcingHandler
  void on(ApplicationRegistered event) {
    id = aggregateId(event.application());
    application = event.application();
    uid = event.uid();
    deleted = false;
    source = event.source();
    syncPolicy = event.syncPolicy();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ApplicationSpecChanged event) {
    source = event.source();
    syncPolicy = event.syncPolicy();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(SyncStarted event) {
    operationId = event.operationId();
    operationCompleted = false;
    runningSync = LastSync.running(event);
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(SyncCompleted event) {
    operationId = event.operationId();
    operationCompleted = true;
    runningSync = null;
    lastCompleted = OperationIdentity.Completed.of(event);
    lastSync =
        new LastSync(
            event.revision(),
            event.phase(),
            event.initiatedBy(),
            event.automated(),
            event.partial(),
            event.finishedAt());
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(SyncStatusChanged event) {
    syncStatus = event.to();
    syncRevision = event.toRevision();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(HealthChanged event) {
    health = event.to();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ConditionRaised event) {
    conditions.add(new ConditionKey(event.type(), event.message()));
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ConditionCleared event) {
    conditions.remove(new ConditionKey(event.type(), event.message()));
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(GitErrorRaised event) {
    gitErrorRepo = event.repoUrl();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(GitErrorCleared event) {
    gitErrorRepo = null;
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ResourceStatusReported event) {
    if (event.status().isEmpty()) {
      declared.remove(event.resource());
    } else {
      declared.put(event.resource(), event.status());
    }
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ApplicationAttributed event) {
    identify(aggregateId(event.application())); // an Event can come before the Application
    attributedEvents.add(event.eventUid());
  }

  @EventSourcingHandler
  void on(ApplicationDeleted event) {
    deleted = true;
    syncStatus = "";
    syncRevision = "";
    health = "";
    conditions.clear();
    declared.clear();
    gitErrorRepo = null;
    lastObservedAt = event.at();
  }

  /**
   * The identifier is identity, not state: it is known from the command before any event, and a new
   * aggregate that applies no event still needs one.
   */
  private void identify(String aggregateId) {
    if (id == null) {
      id = aggregateId;
    }
  }

  private record ConditionKey(String type, String message) {}
}
