package dev.opsjournal.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsjournal.core.ResourceKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A broad set of a journal's answers over one window, by request path: every list endpoint, each
 * object's owners (every few minutes) and timeline, each Application's syncs, each commit the syncs
 * name, what each actor did, and the weekly Markdown. Two journals of the same capture must give
 * the same map, byte for byte.
 *
 * @param objects the objects to ask about
 * @param applications the Applications, {@code namespace/name}
 * @param actors the actors to search for
 * @param week the ISO week of the weekly journal, e.g. {@code 2026-W49}
 */
public record JournalAnswers(
    String cluster,
    List<ResourceKey> objects,
    List<String> applications,
    List<String> actors,
    Instant from,
    Instant to,
    String week) {

  private static final Duration OWNERS_EVERY = Duration.ofMinutes(2);

  /** Asks {@code api} everything; the answers by path, in path order. */
  public SortedMap<String, String> collect(ApiClient api) {
    SortedMap<String, String> answers = new TreeMap<>();
    String range = "&from=" + from + "&to=" + to;
    for (String list : List.of("conflicts", "drifts", "outages")) {
      ask(api, answers, "/api/v1/" + list + "?limit=1000" + range);
    }
    ask(api, answers, "/api/v1/conflicts?open=true&limit=1000" + range);
    ask(api, answers, "/api/v1/drifts?open=true&limit=1000" + range);
    for (ResourceKey object : objects) {
      String query = objectQuery(object);
      ask(api, answers, "/api/v1/resources/timeline?" + query + range);
      for (Instant at = from; !at.isAfter(to); at = at.plus(OWNERS_EVERY)) {
        ask(api, answers, "/api/v1/resources/owners?" + query + "&at=" + at);
      }
    }
    TreeSet<String> revisions = new TreeSet<>();
    for (String application : applications) {
      String path = "/api/v1/applications/" + application + "/syncs?limit=1000" + range;
      ask(api, answers, path + "&cluster=" + cluster);
      JsonNode syncs = api.json(path + "&cluster=" + cluster);
      syncs.path("items").forEach(s -> revisions.add(s.path("revision").asText()));
      ask(api, answers, "/api/v1/drifts?limit=1000&application=" + application + range);
    }
    revisions.stream()
        .filter(r -> !r.isEmpty())
        .forEach(r -> ask(api, answers, "/api/v1/commits/" + r));
    for (String actor : actors) {
      ask(api, answers, "/api/v1/search?limit=1000&actor=" + encode(actor) + range);
    }
    ask(api, answers, "/api/v1/journal/weekly?week=" + week + "&cluster=" + cluster);
    return answers;
  }

  private static void ask(ApiClient api, Map<String, String> answers, String path) {
    answers.put(path, api.get(path).toString());
  }

  private static String objectQuery(ResourceKey key) {
    return "cluster="
        + encode(key.cluster())
        + "&group="
        + encode(key.group())
        + "&kind="
        + encode(key.kind())
        + "&namespace="
        + encode(key.namespace())
        + "&name="
        + encode(key.name());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * Empty when {@code actual} equals {@code expected}; else how many answers differ, the first
   * differing paths, and for the first few the first differing line of each side, readably.
   */
  public static String differences(
      String expectedName,
      SortedMap<String, String> expected,
      String actualName,
      SortedMap<String, String> actual) {
    TreeSet<String> paths = new TreeSet<>(expected.keySet());
    paths.addAll(actual.keySet());
    List<String> differing = new ArrayList<>();
    for (String path : paths) {
      if (!Objects.equals(expected.get(path), actual.get(path))) {
        differing.add(path);
      }
    }
    if (differing.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append(differing.size())
        .append(" of ")
        .append(paths.size())
        .append(" answers differ between ")
        .append(expectedName)
        .append(" and ")
        .append(actualName)
        .append(":\n");
    differing.stream().limit(12).forEach(p -> out.append("  ").append(p).append('\n'));
    for (String path : differing.stream().limit(4).toList()) {
      out.append("--- ").append(path).append('\n');
      out.append(firstDifference(expectedName, expected.get(path), actualName, actual.get(path)));
    }
    return out.toString();
  }

  private static String firstDifference(String aName, String a, String bName, String b) {
    if (a == null || b == null) {
      return "  only " + (a == null ? bName : aName) + " has it\n";
    }
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    int line = 0;
    while (line < x.length && line < y.length && x[line].equals(y[line])) {
      line++;
    }
    String left = line < x.length ? x[line] : "<end>";
    String right = line < y.length ? y[line] : "<end>";
    int at = 0;
    while (at < left.length() && at < right.length() && left.charAt(at) == right.charAt(at)) {
      at++;
    }
    int start = Math.max(0, at - 60);
    return "  line "
        + (line + 1)
        + ", column "
        + (at + 1)
        + "\n  "
        + aName
        + ": …"
        + left.substring(Math.min(start, left.length()), Math.min(left.length(), at + 140))
        + "\n  "
        + bName
        + ": …"
        + right.substring(Math.min(start, right.length()), Math.min(right.length(), at + 140))
        + "\n";
  }
}
