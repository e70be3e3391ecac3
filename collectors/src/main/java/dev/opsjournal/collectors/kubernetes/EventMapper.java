package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.UrlCredentials;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;

/**
 * A Kubernetes Event as a {@link KubernetesEventObserved} about the object it regards. The two
 * Event APIs serve the same objects with renamed fields; each is read through its own primary
 * fields first and its deprecated ones after, so both give the same observation.
 */
final class EventMapper {

  /** Which API served the Event. */
  enum Api {
    /** {@code v1} Event: involvedObject, message, source, count, first/lastTimestamp. */
    CORE_V1,
    /** {@code events.k8s.io/v1} Event: regarding, note, reportingController, series. */
    EVENTS_V1
  }

  private final String cluster;

  EventMapper(String cluster) {
    this.cluster = cluster;
  }

  /**
   * The Event object's own key, for the inventory. Both APIs serve one object under the same
   * namespace, name and uid, so both map to the core group: an Event seen through both is published
   * once.
   */
  ResourceKey keyOf(GenericKubernetesResource event) {
    ObjectMeta meta = event.getMetadata();
    if (meta == null) {
      throw new MalformedObjectException("an Event without metadata");
    }
    return ResourceKey.of(cluster, "", "Event", meta.getNamespace(), meta.getName());
  }

  KubernetesEventObserved map(GenericKubernetesResource event, Api api, Instant observedAt) {
    Node root = Node.of(event.getAdditionalProperties(), "");
    return api == Api.CORE_V1 ? core(event, root, observedAt) : events(event, root, observedAt);
  }

  private KubernetesEventObserved core(GenericKubernetesResource event, Node e, Instant at) {
    Node series = e.get("series");
    Instant first = firstOf(e.get("firstTimestamp").time(), e.get("eventTime").time());
    Instant last =
        firstOf(e.get("lastTimestamp").time(), series.get("lastObservedTime").time(), first);
    return new KubernetesEventObserved(
        regarding(e.get("involvedObject"), "involvedObject"),
        at,
        event.getMetadata().getUid(),
        e.get("type").text(),
        e.get("reason").text(),
        UrlCredentials.strip(e.get("message").text()),
        firstText(e.get("source").get("component").text(), e.get("reportingComponent").text()),
        count(e.get("count").number(), series.get("count").number()),
        first,
        last);
  }

  private KubernetesEventObserved events(GenericKubernetesResource event, Node e, Instant at) {
    Node series = e.get("series");
    Instant first = firstOf(e.get("eventTime").time(), e.get("deprecatedFirstTimestamp").time());
    Instant last =
        firstOf(
            series.get("lastObservedTime").time(), e.get("deprecatedLastTimestamp").time(), first);
    return new KubernetesEventObserved(
        regarding(e.get("regarding"), "regarding"),
        at,
        event.getMetadata().getUid(),
        e.get("type").text(),
        e.get("reason").text(),
        e.get("note").text(),
        firstText(
            e.get("reportingController").text(), e.get("deprecatedSource").get("component").text()),
        count(series.get("count").number(), e.get("deprecatedCount").number()),
        first,
        last);
  }

  /**
   * The object an Event is about. Its namespace is its own (empty for cluster-scoped objects), not
   * the Event's: Events about Nodes or Namespaces live in {@code default}.
   */
  private ResourceKey regarding(Node ref, String field) {
    String apiVersion = ref.get("apiVersion").text("");
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String kind = ref.get("kind").text();
    String name = ref.get("name").text();
    if (kind == null || name == null) {
      throw new MalformedObjectException("an Event whose " + field + " names no kind or name");
    }
    return ResourceKey.of(cluster, group, kind, ref.get("namespace").text(""), name);
  }

  /** How often it happened: the API's own count first, its deprecated one after, else once. */
  private static int count(Long primary, Long fallback) {
    Long count = primary != null && primary > 0 ? primary : fallback;
    return count != null && count > 0 ? (int) Math.min(count, Integer.MAX_VALUE) : 1;
  }

  private static Instant firstOf(Instant... times) {
    for (Instant time : times) {
      if (time != null) {
        return time;
      }
    }
    return null;
  }

  private static String firstText(String... texts) {
    for (String text : texts) {
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return "";
  }
}
