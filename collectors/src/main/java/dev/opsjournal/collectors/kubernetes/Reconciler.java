package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.Inventory.Entry;
import dev.opsjournal.collectors.kubernetes.Inventory.Version;
import dev.opsjournal.collectors.kubernetes.InventoryLedger.Change;
import dev.opsjournal.collectors.kubernetes.InventoryLedger.Decision;
import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles one term's notifications with the inventory: publishes what {@link
 * InventoryLedger#decide} calls a change, retracts what the initial lists no longer hold (the
 * sweep), and records each publication in the inventory only once Kafka acknowledged it.
 */
final class Reconciler {

  private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

  private final InventoryLedger ledger;
  private final Inventory inventory;
  private final ObservationSink sink;
  private final Backoff backoff;
  private final BooleanSupplier active;
  private final Counters counters;
  private final Clock clock;
  private final String cluster;

  Reconciler(
      InventoryLedger ledger,
      Inventory inventory,
      ObservationSink sink,
      Backoff backoff,
      BooleanSupplier active,
      Counters counters,
      Clock clock,
      String cluster) {
    this.ledger = ledger;
    this.inventory = inventory;
    this.sink = sink;
    this.backoff = backoff;
    this.active = active;
    this.counters = counters;
    this.clock = clock;
    this.cluster = cluster;
  }

  /** An object added or updated (or listed again): published when it changed. */
  void upsert(Watch watch, GenericKubernetesResource object, GenericKubernetesResource before) {
    if (!active.getAsBoolean()) {
      return;
    }
    ResourceKey key = watch.mapping.keyOf(object);
    Version version = versionOf(object);
    synchronized (ledger.lockFor(key)) {
      Entry stored = ledger.confirm(key);
      Decision decision =
          InventoryLedger.decide(
              ledger.published(key), version, before == null ? null : versionOf(before), stored);
      if (decision.change() == Change.UNCHANGED) {
        counters.unchanged.incrementAndGet(); // a resync tick, a relist or a restart
        return;
      }
      Instant at = now();
      Observation replaced =
          switch (decision.retraction()) {
            case NONE -> null;
            case PREVIOUS_STATE -> watch.mapping.observe(before, WatchAction.DELETED, at);
            case LAST_PUBLISHED -> deletedCopy(stored.last(), at);
          };
      Observation observation =
          watch.mapping.observe(
              object,
              decision.change() == Change.MODIFIED ? WatchAction.MODIFIED : WatchAction.ADDED,
              at);
      if (replaced != null && !publish(replaced)) {
        return;
      }
      if (observation != null && !publish(observation)) {
        return;
      }
      ledger.recordPublished(key, version);
      inventory.record(
          key,
          new Entry(
              version.uid(),
              version.resourceVersion(),
              watch.mapping.keepsLastState() ? observation : null));
    }
  }

  /** An object deleted: its deletion published, if it was ever published. */
  void delete(Watch watch, GenericKubernetesResource object) {
    if (!active.getAsBoolean()) {
      return;
    }
    ResourceKey key = watch.mapping.keyOf(object);
    synchronized (ledger.lockFor(key)) {
      ledger.confirm(key);
      if (!ledger.wasPublished(key)) {
        return; // never published, so there is nothing to retract
      }
      // should this mapping fail (a malformed last state), the key stays in the inventory and
      // the next start publishes the deletion with the last state that was published
      Observation observation = watch.mapping.observe(object, WatchAction.DELETED, now());
      if (observation != null && !publish(observation)) {
        return;
      }
      ledger.forget(key);
      inventory.forget(key);
    }
  }

  /**
   * After a watch's initial list: whatever the inventory holds for it that the list did not is gone
   * — deleted while nobody watched. Published DELETED with its last known state.
   */
  void sweep(Watch watch) {
    int deleted = 0;
    for (ResourceKey key : ledger.unseenKeys()) {
      if (!active.getAsBoolean()) {
        return;
      }
      if (!watch.covers(key)) {
        continue;
      }
      synchronized (ledger.lockFor(key)) {
        Entry entry = ledger.unseen(key);
        if (entry == null || watch.holds(key)) {
          continue; // listed: its notification will settle it
        }
        Observation last = entry.last() == null ? null : deletedCopy(entry.last(), now());
        try {
          if (last != null && !publish(last)) {
            return;
          }
        } catch (MalformedObjectException e) {
          log.atWarn()
              .addKeyValue("resource", key)
              .setCause(e)
              .log("skipping the deletion of {}: {}", key, e.getMessage());
          continue;
        }
        ledger.forget(key);
        inventory.forget(key);
        deleted++;
      }
    }
    log.info(
        "{} of cluster {}: the initial list held {} objects; {} deleted while unobserved",
        watch,
        cluster,
        watch.size(),
        deleted);
  }

  /**
   * Publishes, retrying with backoff until it works or this term ends: nothing is dropped silently,
   * and nothing unpublished is recorded as published.
   */
  private boolean publish(Observation observation) {
    return backoff
        .retry(
            () -> {
              sink.publish(observation);
              counters.published.incrementAndGet();
              return Boolean.TRUE;
            },
            (attempt, retryIn, e) -> {
              if (e instanceof IllegalArgumentException) {
                // it will never serialise: retrying would stop this informer for good
                throw new MalformedObjectException("cannot be published: " + e.getMessage(), e);
              }
              counters.publishRetries.incrementAndGet();
              log.atWarn()
                  .addKeyValue("resource", observation.subject())
                  .setCause(e)
                  .log(
                      "could not publish {} (attempt {}); retrying in {} ms",
                      observation.subject(),
                      attempt,
                      retryIn.toMillis());
            })
        .isPresent();
  }

  private Instant now() {
    return Instant.now(clock);
  }

  static Version versionOf(GenericKubernetesResource object) {
    ObjectMeta meta = object.getMetadata();
    return new Version(meta.getUid(), meta.getResourceVersion());
  }

  /** The last published state of an object, now as its deletion. */
  static Observation deletedCopy(Observation last, Instant at) {
    if (last instanceof ResourceObserved r) {
      return new ResourceObserved(
          r.resource(),
          at,
          WatchAction.DELETED,
          r.uid(),
          r.resourceVersion(),
          r.generation(),
          r.labels(),
          r.annotations(),
          r.managedFields(),
          r.specFingerprint());
    }
    if (last instanceof ApplicationObserved a) {
      return new ApplicationObserved(
          a.application(),
          at,
          WatchAction.DELETED,
          a.uid(),
          a.resourceVersion(),
          a.labels(),
          a.annotations(),
          a.spec(),
          a.status());
    }
    return null;
  }
}
