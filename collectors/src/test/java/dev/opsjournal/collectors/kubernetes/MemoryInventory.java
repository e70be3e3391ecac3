package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.core.ResourceKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** An inventory in this process only, for tests that need no Kafka to read what was recorded. */
final class MemoryInventory implements Inventory {

  private final ConcurrentMap<ResourceKey, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Map<ResourceKey, Entry> load(String cluster) {
    Map<ResourceKey, Entry> of = new TreeMap<>();
    entries.forEach(
        (key, entry) -> {
          if (key.cluster().equals(cluster)) {
            of.put(key, entry);
          }
        });
    return of;
  }

  @Override
  public void record(ResourceKey key, Entry entry) {
    entries.put(key, entry);
  }

  @Override
  public void forget(ResourceKey key) {
    entries.remove(key);
  }

  @Override
  public void flush() {
    // nothing is in flight
  }

  int size() {
    return entries.size();
  }
}
