package dev.opsjournal.collectors.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the list requests a client sends, per API resource (group and plural): an informer lists
 * when it starts and again on every relist, after a watch expired ({@code 410 Gone}) or failed.
 * fabric8's informer tells its handlers nothing of a relist after {@code 410 Gone} (unchanged
 * objects notify nothing), but its requests pass the client's interceptors.
 */
public final class ListRequests implements Interceptor {

  private static final String NAME = "opsjournal-list-requests";

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  /** {@code builder}, building clients whose list requests are counted here. */
  public KubernetesClientBuilder countingLists(KubernetesClientBuilder builder) {
    return builder.withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor(NAME, this));
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if ("GET".equals(request.method())) {
      listed(request.uri())
          .ifPresent(
              resource ->
                  counts.computeIfAbsent(resource, r -> new AtomicLong()).incrementAndGet());
    }
  }

  /** Lists of a kind's API resource so far. */
  long count(KubernetesCollectorProperties.TrackedKind api) {
    AtomicLong count = counts.get(api.group() + "/" + api.plural());
    return count == null ? 0 : count.get();
  }

  /**
   * The resource ({@code group/plural}) a GET lists: {@code /api/v1/<plural>}, {@code
   * /apis/<group>/<version>/<plural>}, either with {@code namespaces/<namespace>/} before the
   * plural; not a watch, not one object.
   */
  static Optional<String> listed(URI uri) {
    String query = uri.getRawQuery();
    if (query != null && List.of(query.split("&")).contains("watch=true")) {
      return Optional.empty();
    }
    List<String> segments = List.of(uri.getRawPath().replaceAll("^/+|/+$", "").split("/"));
    String group;
    List<String> rest;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      rest = segments.subList(2, segments.size());
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      rest = segments.subList(3, segments.size());
    } else {
      return Optional.empty();
    }
    if (rest.size() == 1) {
      return Optional.of(group + "/" + rest.get(0));
    }
    if (rest.size() == 3 && rest.get(0).equals("namespaces")) {
      return Optional.of(group + "/" + rest.get(2));
    }
    return Optional.empty();
  }
}
