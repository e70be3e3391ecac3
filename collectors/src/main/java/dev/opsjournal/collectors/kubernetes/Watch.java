package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.collectors.kubernetes.KubernetesCollectorProperties.TrackedKind;
import dev.opsjournal.core.ResourceKey;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watched kind (or, for Events, one object served by two APIs) in every watched namespace: its
 * informers, which keys of the inventory it answers for, and how it maps objects. Its handler only
 * hands each notification to the term, in the object's lane.
 */
final class Watch {

  private static final Logger log = LoggerFactory.getLogger(Watch.class);

  final String name;
  final String group;
  final String kind;
  final List<String> namespaces;
  final ObjectMapping mapping;
  final List<SharedIndexInformer<GenericKubernetesResource>> informers = new ArrayList<>();

  Watch(
      Term owner,
      KubernetesClient client,
      long resyncMillis,
      String name,
      String group,
      String kind,
      List<String> namespaces,
      List<TrackedKind> apis,
      ObjectMapping mapping) {
    this.name = name;
    this.group = group;
    this.kind = kind;
    this.namespaces = namespaces;
    this.mapping = mapping;
    for (TrackedKind api : apis) {
      var resources = client.genericKubernetesResources(api.context());
      if (namespaces.isEmpty()) {
        informers.add(resources.inAnyNamespace().runnableInformer(resyncMillis));
      } else {
        for (String namespace : namespaces) {
          informers.add(resources.inNamespace(namespace).runnableInformer(resyncMillis));
        }
      }
    }
    Handler handler = new Handler(owner);
    for (SharedIndexInformer<GenericKubernetesResource> informer : informers) {
      informer.addEventHandler(handler);
      // keep listing through failures (API server down, CRD not installed yet, expired watch):
      // giving up would silently stop the journal for this kind
      informer.exceptionHandler(
          (started, error) -> {
            if (owner.isActive()) {
              owner.counters().watchRestarted(kind);
              log.atWarn()
                  .addKeyValue("kind", kind)
                  .log("watching {} failed; retrying: {}", name, error.toString());
            }
            return owner.isActive();
          });
    }
  }

  /** Whether a key of the inventory is this watch's to confirm or delete. */
  boolean covers(ResourceKey key) {
    return key.group().equals(group)
        && key.kind().equals(kind)
        && (namespaces.isEmpty() || namespaces.contains(key.namespace()));
  }

  /** Whether the informers currently hold the object. */
  boolean holds(ResourceKey key) {
    String storeKey = Cache.namespaceKeyFunc(key.namespace(), key.name());
    return informers.stream().anyMatch(i -> i.getStore().getByKey(storeKey) != null);
  }

  /** Every object in the informers' caches. */
  Stream<GenericKubernetesResource> cached() {
    return informers.stream().flatMap(i -> i.getStore().list().stream());
  }

  int size() {
    return informers.stream().mapToInt(i -> i.getStore().list().size()).sum();
  }

  boolean ofApplications() {
    return group.equals(Watches.APPLICATIONS.group()) && kind.equals(Watches.APPLICATIONS.kind());
  }

  /** The key of an object of this watch in the term's bookkeeping of skipped objects. */
  String cacheKeyOf(GenericKubernetesResource object) {
    return name + "|" + Cache.metaNamespaceKeyFunc(object);
  }

  /** Starts the informers; completes when each has listed once. */
  CompletableFuture<Void> start() {
    return CompletableFuture.allOf(
        informers.stream()
            .map(i -> i.start().toCompletableFuture())
            .toArray(CompletableFuture[]::new));
  }

  void stop() {
    informers.forEach(SharedIndexInformer::stop);
  }

  @Override
  public String toString() {
    return name;
  }

  /** Turns informer notifications into publications; never lets one object stop an informer. */
  private final class Handler implements ResourceEventHandler<GenericKubernetesResource> {
    private final Term owner;

    Handler(Term owner) {
      this.owner = owner;
    }

    @Override
    public void onAdd(GenericKubernetesResource object) {
      dispatch(object, () -> owner.upsert(Watch.this, object, null));
    }

    @Override
    public void onUpdate(GenericKubernetesResource previous, GenericKubernetesResource object) {
      dispatch(object, () -> owner.upsert(Watch.this, object, previous));
    }

    @Override
    public void onDelete(GenericKubernetesResource object, boolean finalStateUnknown) {
      // finalStateUnknown: the delete was missed in a watch gap and found by the relist; the
      // object's last cached state is all anyone knows, which is what a delete publishes anyway
      dispatch(object, () -> owner.delete(Watch.this, object));
    }

    /** Hands the work to the object's lane: one lane per key keeps each object's order. */
    private void dispatch(GenericKubernetesResource object, Runnable work) {
      ResourceKey key;
      try {
        key = mapping.keyOf(object);
      } catch (RuntimeException e) {
        owner.failed(Watch.this, object, e);
        return;
      }
      owner
          .lanes()
          .execute(
              key,
              () -> {
                try {
                  work.run();
                } catch (RuntimeException e) {
                  owner.failed(Watch.this, object, e);
                }
              });
    }
  }
}
