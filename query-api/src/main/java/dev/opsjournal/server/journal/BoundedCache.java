package dev.opsjournal.server.journal;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * An Axon {@link Cache} that keeps up to a number of entries, strongly, and evicts the least useful
 * (Caffeine's W-TinyLFU). Axon's {@code WeakReferenceCache} loses its entries at the next young GC,
 * so almost every command re-sourced its aggregate from the event store (47% of the ingest's CPU in
 * the first benchmark); a bounded strong cache keeps the busy aggregates and caps the heap.
 *
 * <p>Axon keeps the cache consistent itself: an aggregate is put after its unit of work committed
 * and removed when one rolls back.
 */
final class BoundedCache implements Cache {

  private final ConcurrentMap<Object, Object> entries;

  BoundedCache(long maximumEntries) {
    this.entries = Caffeine.newBuilder().maximumSize(maximumEntries).build().asMap();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> V get(K key) {
    return (V) entries.get(key);
  }

  @Override
  public void put(Object key, Object value) {
    if (value == null) {
      entries.remove(key);
    } else {
      entries.put(key, value);
    }
  }

  @Override
  public boolean putIfAbsent(Object key, Object value) {
    return entries.putIfAbsent(key, value) == null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
    return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
  }

  @Override
  @SuppressWarnings("unchecked")
  public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
    entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
  }

  @Override
  public boolean remove(Object key) {
    return entries.remove(key) != null;
  }

  @Override
  public void removeAll() {
    entries.clear();
  }

  @Override
  public boolean containsKey(Object key) {
    return entries.containsKey(key);
  }

  /** Nothing in the journal listens to its caches; a listener would be silently never called. */
  @Override
  public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
    throw new UnsupportedOperationException("BoundedCache does not notify entry listeners");
  }
}
