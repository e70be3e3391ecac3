package dev.opsjournal.core.resource;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ManagedFieldsEntry;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * One Kubernetes object, identified by its {@link ResourceKey}, across deletions and re-creations.
 *
 * <p>Two streams of input meet here: what the watch saw of the object itself ({@link
 * ObserveResource}), and what the Applications that declare it report ({@link ObserveDeclaration}).
 * They travel on different Kafka partitions, so each rule is written to hold whichever arrives
 * first: decisions use observation times, never arrival order.
 */
public class TrackedResource {

  @AggregateIdentifier private String id;
  private ResourceKey resource;

  private String uid;
  private long generation;
  private String specFingerprint = "";
  private Instant lastObservedAt;
  private Instant deletedAt;
  private Instant recreatedAt;
  private boolean deleted;

  private Claim owner;
  private final Set<String> declaredBy = new TreeSet<>();
  private final RecentWrites recentWrites = new RecentWrites();

  private int driftEpisodes;

  /** The newest drift, open or corrected: a late observation may still explain it. */
  private Drift drift;

  private int conflictEpisodes;
  private OpenConflict conflict;

  TrackedResource() {
    // for Axon
  }

  public static String aggregateId(ResourceKey resource) {
    return "resource:" + resource;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ObserveResource command, JournalPolicy policy) {
    identify(command.aggregateId()); // Axon keeps a new aggregate by id even when nothing happened
    ResourceObserved seen = command.observation();
    if (lastObservedAt != null && seen.observedAt().isBefore(lastObservedAt)) {
      return; // re-delivered or stale: per-resource order is kept upstream
    }
    if (seen.action() == WatchAction.DELETED) {
      observeDeletion(seen);
    } else {
      observePresence(seen, policy);
    }
  }

  private void observeDeletion(ResourceObserved seen) {
    if (uid == null || deleted) {
      return;
    }
    Instant at = seen.observedAt();
    apply(new ResourceDeleted(seen.resource(), uid, at));
    if (DriftRules.deletionExplains(drift, at)) {
      // the verdict came first: the deletion is what it was about, and when it began
      apply(
          new DriftAttributed(
              seen.resource(),
              drift.episode(),
              DriftEvidence.DELETION,
              DriftDetected.UNKNOWN_ACTOR,
              List.of(),
              at,
              at));
    }
  }

  private void observePresence(ResourceObserved seen, JournalPolicy policy) {
    ResourceKey key = seen.resource();
    Instant at = seen.observedAt();
    Optional<ManagedFieldsEntry> write = seen.latestWrite();
    String manager = write.map(ManagedFieldsEntry::manager).orElse(DriftDetected.UNKNOWN_ACTOR);
    Optional<Claim> claim = Tracking.ownerOf(key, seen.labels(), seen.annotations(), policy);

    Optional<ResourceEvent> change =
        Presence.change(
            seen,
            new Presence.Known(uid, deleted, generation, specFingerprint),
            claim.map(Claim::application).orElse(""));
    change.ifPresent(event -> apply(event));
    boolean changed = change.filter(ResourceChanged.class::isInstance).isPresent();

    decideOwnership(key, claim.orElse(null), policy, at);

    if (changed && write.isPresent() && policy.isOutsideWrite(manager)) {
      decideLiveChange(key, write.get(), at);
    }
  }

  private void decideOwnership(ResourceKey key, Claim claim, JournalPolicy policy, Instant at) {
    String before = owner == null ? null : owner.application();
    String after = claim == null ? null : claim.application();
    if (Objects.equals(before, after)) {
      return;
    }
    if (before == null) {
      apply(new OwnershipClaimed(key, after, claim.tracking(), at));
      return;
    }
    if (after == null) {
      apply(new OwnershipReleased(key, before, at));
      return;
    }
    apply(new OwnershipTransferred(key, before, after, claim.tracking(), at));
    if (conflict == null && declaredBy.contains(before)) {
      // the previous owner still declares it: a takeover, not a hand-over
      Set<String> contenders = new TreeSet<>(declaredBy);
      contenders.add(after);
      apply(new ConflictStarted(key, conflictEpisodes + 1, List.copyOf(contenders), after, at));
    }
    if (conflict != null) {
      flip(key, before, after, policy, at);
    }
  }

  private void flip(ResourceKey key, String from, String to, JournalPolicy policy, Instant at) {
    apply(new ConflictFlipped(key, conflict.episode, from, to, conflict.flips + 1, at));
    if (!conflict.loopReported) {
      conflict.loopAt(key, LoopWindow.of(policy), at).ifPresent(loop -> apply(loop));
    }
  }

  /** A write by someone outside Argo CD to an owned object is drift, whatever Argo CD says. */
  private void decideLiveChange(ResourceKey key, ManagedFieldsEntry write, Instant at) {
    Instant writtenAt = write.time() == null ? at : write.time();
    if (DriftRules.writeExplains(drift, writtenAt)) {
      // the verdict came first: this write is what it was about
      apply(
          new DriftAttributed(
              key,
              drift.episode(),
              DriftEvidence.LIVE_CHANGE,
              write.manager(),
              write.fields(),
              drift.startOrEarlier(writtenAt),
              at));
    } else if (DriftRules.writeOpensDrift(drift, owner != null, writtenAt)) {
      apply(
          new DriftDetected(
              key,
              driftEpisodes + 1,
              owner.application(),
              "",
              DriftEvidence.LIVE_CHANGE,
              write.manager(),
              write.fields(),
              writtenAt,
              at));
    }
  }

  private String ownerOrNone() {
    return owner == null ? "" : owner.application();
  }

  private Drift openDrift() {
    return drift != null && drift.isOpen() ? drift : null;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ObserveDeclaration command, JournalPolicy policy) {
    identify(command.aggregateId());
    ResourceKey key = command.resource();
    String app = command.application();
    Instant at = command.at();

    if (command.undeclared()) {
      if (declaredBy.contains(app)) {
        apply(new ResourceUndeclared(key, app, at));
        endConflictIfSettled(key, at);
        if (deleted && owner != null && owner.application().equals(app)) {
          apply(new OwnershipReleased(key, app, at));
        }
      }
      return;
    }

    if (!declaredBy.contains(app)) {
      apply(new ResourceDeclared(key, app, at));
      if (declaredBy.size() > 1 && conflict == null) {
        apply(
            new ConflictStarted(
                key, conflictEpisodes + 1, List.copyOf(declaredBy), ownerOrNone(), at));
      }
    }

    if (DriftRules.verdictOpensDrift(command)) {
      decideReportedDrift(command, policy);
    } else if (DriftRules.isBackInSync(command)) {
      decideCorrection(command);
    }
  }

  /** The owner says the object drifted; find out when and by whom from what the watch saw. */
  private void decideReportedDrift(ObserveDeclaration command, JournalPolicy policy) {
    String app = command.application();
    String ownerApp = owner == null ? null : owner.application();
    if (openDrift() != null
        || conflict != null
        || !DriftRules.isOwnersVerdict(ownerApp, declaredBy, app)) {
      return;
    }
    Instant at = command.at();
    DriftRules.Cause cause =
        DriftRules.causeOfVerdict(
            at,
            deletedAt,
            recreatedAt,
            DriftRules.lastOutsideWrite(recentWrites.all(), at, drift, policy));
    apply(
        new DriftDetected(
            command.resource(),
            driftEpisodes + 1,
            app,
            command.revision(),
            cause.evidence(),
            cause.actor(),
            cause.fields(),
            cause.startedAt(),
            at));
  }

  private void decideCorrection(ObserveDeclaration command) {
    Drift open = openDrift();
    if (open == null || !open.application().equals(command.application())) {
      return;
    }
    DriftRules.End end = DriftRules.correction(open, command);
    apply(
        new DriftCorrected(
            command.resource(),
            open.episode(),
            open.application(),
            end.correction(),
            end.by(),
            command.revision(),
            Duration.between(open.startedAt(), command.at()),
            command.at()));
  }

  private void endConflictIfSettled(ResourceKey key, Instant at) {
    if (conflict == null || declaredBy.size() > 1) {
      return;
    }
    String winner = declaredBy.isEmpty() ? ownerOrNone() : declaredBy.iterator().next();
    apply(conflict.endedBy(key, winner, at));
  }

  // --- state, only ever changed by events ---

  @EventSourcingHandler
  void on(ResourceAppeared event) {
    id = aggregateId(event.resource());
    resource = event.resource();
    uid = event.uid();
    generation = event.generation();
    specFingerprint = event.fingerprint();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ResourceChanged event) {
    generation = event.generation();
    specFingerprint = event.fingerprint();
    lastObservedAt = event.at();
    recentWrites.remember(event.manager(), event.fields(), event.writtenAt());
  }

  @EventSourcingHandler
  void on(ResourceDeleted event) {
    deleted = true;
    deletedAt = event.at();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(ResourceRecreated event) {
    uid = event.uid();
    deleted = false;
    recreatedAt = event.at();
    generation = event.generation();
    specFingerprint = event.fingerprint();
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(OwnershipClaimed event) {
    ensureIdentity(event.resource());
    owner = new Claim(event.application(), event.tracking());
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(OwnershipTransferred event) {
    owner = new Claim(event.to(), event.tracking());
    lastObservedAt = event.at();
  }

  @EventSourcingHandler
  void on(OwnershipReleased event) {
    owner = null;
  }

  @EventSourcingHandler
  void on(ResourceDeclared event) {
    ensureIdentity(event.resource());
    declaredBy.add(event.application());
    if (conflict != null) {
      conflict.applications.add(event.application());
    }
  }

  @EventSourcingHandler
  void on(ResourceUndeclared event) {
    declaredBy.remove(event.application());
    if (conflict != null) {
      conflict.applications.remove(event.application());
    }
  }

  @EventSourcingHandler
  void on(DriftDetected event) {
    driftEpisodes = event.episode();
    drift = Drift.detected(event, drift);
  }

  @EventSourcingHandler
  void on(DriftAttributed event) {
    drift = drift.attributed(event.evidence(), event.actor(), event.startedAt());
  }

  @EventSourcingHandler
  void on(DriftCorrected event) {
    drift = drift.corrected(event.at());
  }

  @EventSourcingHandler
  void on(ConflictStarted event) {
    conflictEpisodes = event.episode();
    conflict = new OpenConflict(event);
  }

  @EventSourcingHandler
  void on(ConflictFlipped event) {
    conflict.flipped(event);
  }

  @EventSourcingHandler
  void on(ReconciliationLoopDetected event) {
    conflict.loopReported = true;
  }

  @EventSourcingHandler
  void on(ConflictEnded event) {
    conflict = null;
  }

  private void ensureIdentity(ResourceKey key) {
    if (id == null) {
      id = aggregateId(key);
      resource = key;
    }
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
}
