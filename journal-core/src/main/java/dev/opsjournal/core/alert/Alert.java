package dev.opsjournal.core.alert;

import java.time.Instant;
import java.util.List;

/**
 * One transition of an alert, as published on {@code opsjournal.alerts} (keyed by {@code
 * subject.key}). An alert is published when it starts firing and again when it is resolved, never
 * twice for the same transition; {@code id} stays the same across both.
 *
 * @param id stable for the life of the alert, e.g. {@code conflict/<resource>/1}
 * @param openedAt when the condition began, in journal (observation) time
 * @param resolvedAt when it ended; absent while firing
 * @param summary one line a person can act on
 * @param links REST paths of the journal entries behind the alert
 */
public record Alert(
    int schemaVersion,
    String id,
    Type type,
    Severity severity,
    Subject subject,
    State state,
    Instant openedAt,
    Instant resolvedAt,
    String summary,
    List<String> links) {

  public static final int SCHEMA_VERSION = 1;

  public Alert {
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** What the alert is about. */
  public enum Type {
    /** Two or more Applications claim one object. Resolves when one is left. */
    CONFLICT,
    /** A conflict flips faster than the threshold: Applications are fighting. */
    RECONCILIATION_LOOP,
    /** A drift stayed open longer than the threshold for its Application. */
    DRIFT_OPEN_TOO_LONG,
    /** Collectors are alive but Argo CD's controller stopped reconciling. */
    CONTROLLER_UNAVAILABLE,
    /** A Git source cannot be fetched. */
    GIT_SOURCE_UNAVAILABLE,
    /**
     * Argo CD reports it cannot read a Git repository (its Applications' ComparisonErrors);
     * resolves when no Application reports it any more.
     */
    ARGO_CD_GIT_UNAVAILABLE,
    /** A branch was force-pushed; resolves when commits are recorded on the new history. */
    HISTORY_REWRITTEN,
    /** A sync operation failed; resolves with the Application's next successful sync. */
    SYNC_FAILED
  }

  /** How urgent. */
  public enum Severity {
    /** Look at it today. */
    WARNING,
    /** Desired state is not being enforced, or will not be: look now. */
    CRITICAL
  }

  /** The transition this record announces. */
  public enum State {
    FIRING,
    RESOLVED
  }

  /**
   * What the alert is about.
   *
   * @param kind {@code resource}, {@code application}, {@code source}, {@code cluster} or {@code
   *     repository}
   * @param key a {@code ResourceKey} string, {@code <repoUrl>#<branch>}, a cluster name, or {@code
   *     <cluster>:<repository identity>}: the Kafka key of the alert
   */
  public record Subject(String kind, String key) {}
}
