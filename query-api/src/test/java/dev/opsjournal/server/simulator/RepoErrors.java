package dev.opsjournal.server.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Git unreadable for Argo CD's repo-server, as {@code controller/state.go} {@code CompareAppState}
 * tells it (docs/argo-cd-behaviour.md §5): while Git is down, a comparison fails; the first failure
 * of an Application starts its entry in the {@code repoErrorCache} (keyed by the Application's
 * name), and failures within the repo error grace period (180 s) are swallowed without any status
 * write; after it, the Application shows a {@code ComparisonError} with the repo-server's message,
 * sync status {@code Unknown} and every resource {@code Unknown}. The first successful comparison
 * after Git is back drops the cache entry and the condition. A forced comparison (a user's refresh)
 * shows the error at once.
 *
 * <p>Its ground truth: per repository URL, from the first Application's ComparisonError write to
 * the last one's clearing write, and which Applications showed it.
 */
final class RepoErrors {

  /** {@code defaultRepoErrorGracePeriod} = resync 120 s + jitter 60 s, in Argo CD 3.x. */
  static final Duration GRACE = Duration.ofSeconds(180);

  /** The layers Argo CD wraps the repo-server's Git error in, for a single-source Application. */
  static final String PREFIX =
      "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code"
          + " = Unknown desc = ";

  /** One Git outage as Argo CD showed it, the answer the journal must give. */
  record Outage(String repoUrl, Instant from, Instant to, List<String> applications) {}

  /** What a comparison against Git gives now. */
  enum Comparison {
    /** Git answered. */
    OK,
    /** Git failed within the grace period: the reconcile ends without a write. */
    SWALLOWED,
    /** Git failed and Argo CD shows it. */
    ERROR
  }

  private final String repoUrl;
  private String failure; // the repo-server's message while Git is down, else null
  private final Map<String, Instant> firstFailure = new LinkedHashMap<>(); // repoErrorCache
  private final Map<String, Instant> showing = new LinkedHashMap<>();
  private final List<Outage> outages = new ArrayList<>();
  private Instant outageFrom;
  private final TreeSet<String> outageApps = new TreeSet<>();

  RepoErrors(String repoUrl) {
    this.repoUrl = repoUrl;
  }

  /** {@code failed to list refs: <message>} from now on, e.g. {@link #connectionRefused}. */
  void down(String repoServerMessage) {
    failure = repoServerMessage;
  }

  void up() {
    failure = null;
  }

  /** The comparison of {@code app} begun at {@code now}, at the given level. */
  Comparison compare(String app, boolean forced, Instant now) {
    if (failure == null) {
      firstFailure.remove(app);
      return Comparison.OK;
    }
    Instant first = firstFailure.computeIfAbsent(app, a -> now);
    boolean inGrace = Duration.between(first, now).compareTo(GRACE) <= 0;
    return inGrace && !forced && !showing.containsKey(app)
        ? Comparison.SWALLOWED
        : Comparison.ERROR;
  }

  /**
   * The ComparisonError for {@code app} now; its time stays while its message does ({@code
   * SetConditions}).
   */
  ApplicationDocument.Condition condition(
      List<ApplicationDocument.Condition> current, Instant now) {
    String message = PREFIX + "failed to list refs: " + failure;
    Instant since =
        current.stream()
            .filter(c -> c.type().equals("ComparisonError") && c.message().equals(message))
            .map(ApplicationDocument.Condition::lastTransitionTime)
            .findFirst()
            .orElse(now);
    return new ApplicationDocument.Condition("ComparisonError", message, since);
  }

  /** {@code app}'s status with the ComparisonError was written at {@code at}. */
  void shown(String app, Instant at) {
    if (showing.containsKey(app)) {
      return;
    }
    if (showing.isEmpty()) {
      outageFrom = at;
      outageApps.clear();
    }
    showing.put(app, at);
    outageApps.add(Estate.ARGOCD_NAMESPACE + "/" + app);
  }

  /** {@code app}'s status without it was written at {@code at}. */
  void cleared(String app, Instant at) {
    if (showing.remove(app) != null && showing.isEmpty()) {
      outages.add(new Outage(repoUrl, outageFrom, at, List.copyOf(outageApps)));
    }
  }

  /** The outages ended so far, and one still open (to null). */
  List<Outage> outages() {
    List<Outage> all = new ArrayList<>(outages);
    if (!showing.isEmpty()) {
      all.add(new Outage(repoUrl, outageFrom, null, List.copyOf(outageApps)));
    }
    return all;
  }

  /** go-git over HTTPS when nothing listens on the Git host's port. */
  static String connectionRefused(String repoUrl) {
    return "Get \""
        + repoUrl
        + "/info/refs?service=git-upload-pack\": dial tcp 10.0.0.5:443: connect: connection"
        + " refused";
  }
}
