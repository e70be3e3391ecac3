package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.Inventory.Entry;
import dev.opsjournal.collectors.kubernetes.Inventory.Version;
import dev.opsjournal.core.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * One term's account of what was published per object, and the rule that decides from it what a
 * notification means ({@link #decide}): nothing new, an addition, a modification, and whether a
 * replaced object's deletion must be published first. The term starts from the stored inventory, so
 * it publishes only what changed while nobody watched.
 */
final class InventoryLedger {

  /** What a notification of an object's current version says. */
  enum Change {
    /** The version last published: a resync tick, a relist or a restart. Publish nothing. */
    UNCHANGED,
    /** Not published before, or a new incarnation (another uid) of the same name. */
    ADDED,
    /** The incarnation last published, at another resourceVersion. */
    MODIFIED
  }

  /**
   * Where the deletion of a replaced object (deleted and created again while unobserved: a restart
   * or a watch gap) comes from.
   */
  enum Retraction {
    /** Nothing was replaced, or nothing is known of the replaced object (an Event). */
    NONE,
    /** The informer's previous state of the object, which is the version last published. */
    PREVIOUS_STATE,
    /** The last observation the inventory holds for the object. */
    LAST_PUBLISHED
  }

  /** The decision on one notification: publish the retraction, if any, then the change. */
  record Decision(Change change, Retraction retraction) {

    static final Decision UNCHANGED = new Decision(Change.UNCHANGED, Retraction.NONE);
  }

  /**
   * The core rule of publishing exactly the changes, once.
   *
   * @param published the version last published for the object; null if none
   * @param current the version notified now
   * @param previous the informer's previous version of the object (an update); null for an add
   * @param stored the inventory entry not yet confirmed by this term's lists; null if none
   */
  static Decision decide(Version published, Version current, Version previous, Entry stored) {
    if (current.equals(published)) {
      return Decision.UNCHANGED;
    }
    if (published == null) {
      return new Decision(Change.ADDED, Retraction.NONE);
    }
    if (published.uid().equals(current.uid())) {
      return new Decision(Change.MODIFIED, Retraction.NONE);
    }
    if (published.equals(previous)) {
      return new Decision(Change.ADDED, Retraction.PREVIOUS_STATE);
    }
    if (stored != null && stored.last() != null) {
      return new Decision(Change.ADDED, Retraction.LAST_PUBLISHED);
    }
    return new Decision(Change.ADDED, Retraction.NONE);
  }

  private static final int LOCK_STRIPES = 256;

  /** The version last published per object. */
  private final Map<ResourceKey, Version> known = new ConcurrentHashMap<>();

  /**
   * Inventory entries not yet confirmed by a list: what the last term published that nobody has
   * seen since. Emptied by the initial lists; what remains was deleted meanwhile.
   */
  private final Map<ResourceKey, Entry> unseen = new ConcurrentHashMap<>();

  /** Until synced: objects whose notification failed, by watch and cache key. */
  private final Map<String, Version> skipped = new ConcurrentHashMap<>();

  private final Object[] locks = new Object[LOCK_STRIPES];

  /**
   * @param stored the inventory as the last term left it
   */
  InventoryLedger(Map<ResourceKey, Entry> stored) {
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
    stored.forEach(
        (key, entry) -> {
          known.put(key, new Version(entry.uid(), entry.resourceVersion()));
          unseen.put(key, entry);
        });
  }

  /** One object's changes are decided and published one at a time. */
  Object lockFor(ResourceKey key) {
    return locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
  }

  /** How many objects are known as published. */
  int size() {
    return known.size();
  }

  Version published(ResourceKey key) {
    return known.get(key);
  }

  boolean wasPublished(ResourceKey key) {
    return known.containsKey(key);
  }

  /** The object was listed (or notified): it is no longer a deletion candidate. */
  Entry confirm(ResourceKey key) {
    return unseen.remove(key);
  }

  void recordPublished(ResourceKey key, Version version) {
    known.put(key, version);
  }

  /** The object's deletion is published. */
  void forget(ResourceKey key) {
    unseen.remove(key);
    known.remove(key);
  }

  List<ResourceKey> unseenKeys() {
    return List.copyOf(unseen.keySet());
  }

  Entry unseen(ResourceKey key) {
    return unseen.get(key);
  }

  /**
   * Stops expecting the unseen entries no watch answers for (kinds or namespaces no longer watched
   * keep their entries, untouched).
   *
   * @return how many
   */
  int setAsideUnseen(Predicate<ResourceKey> unwatched) {
    int setAside = 0;
    for (ResourceKey key : unseenKeys()) {
      if (unwatched.test(key)) {
        unseen.remove(key);
        setAside++;
      }
    }
    return setAside;
  }

  /** Before sync: an object that could not be handled, so that sync does not wait for it. */
  void skip(String cacheKey, Version version) {
    skipped.put(cacheKey, version);
  }

  boolean skipped(String cacheKey, Version version) {
    return version.equals(skipped.get(cacheKey));
  }

  void clearSkipped() {
    skipped.clear();
  }
}
