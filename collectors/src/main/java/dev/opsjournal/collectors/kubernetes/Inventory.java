package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.Observation;
import java.util.Map;

/**
 * What the collector last published per object, kept across restarts and leader changes: the
 * version it published (uid + resourceVersion), so a relist publishes only what changed, and the
 * observation itself, so an object deleted while nobody watched is published DELETED with its last
 * known state.
 *
 * <p>Entries are recorded after the observation is published: a crash in between republishes that
 * one object after the restart (the journal dedupes by uid and resourceVersion), it never loses it.
 */
interface Inventory {

  /** Every entry of this cluster, read to the end of what is stored. */
  Map<ResourceKey, Entry> load(String cluster);

  void record(ResourceKey key, Entry entry);

  /** The object is gone: it is no longer expected at the next start. */
  void forget(ResourceKey key);

  /** Returns once what was recorded and forgotten so far is stored. */
  void flush();

  /**
   * @param last the observation published, to republish as DELETED; null for Events, whose expiry
   *     is not journaled
   */
  record Entry(String uid, String resourceVersion, Observation last) {}

  /** Which incarnation (uid) of an object, at which resourceVersion. */
  record Version(String uid, String resourceVersion) {

    public Version {
      uid = uid == null ? "" : uid;
      resourceVersion = resourceVersion == null ? "" : resourceVersion;
    }
  }
}
