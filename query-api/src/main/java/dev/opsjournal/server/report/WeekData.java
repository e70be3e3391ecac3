package dev.opsjournal.server.report;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.outage.Outages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the journal holds about one ISO week, as the weekly journal tells it. Applications are named
 * {@code namespace/name}, objects by their {@code ResourceKey} string, Git sources {@code
 * <repoUrl>#<branch>}.
 *
 * <p>Nothing after the week's end is in it: an episode that ended later is open here, so that a
 * week's journal reads the same whenever it is written.
 *
 * @param cluster the cluster asked for, or null for all
 * @param entries how many journal entries are dated in the week (0: nothing was journaled)
 * @param start what the journal held before the week
 * @param applicationChanges Applications registered, changed or deleted in the week
 * @param commits commits recorded in the week
 * @param environments per Application that existed in the week: what Argo CD deployed for it
 * @param objects per object owned at some time in the week: its owners and its lifecycle
 * @param drifts drift episodes open at some time in the week
 * @param conflicts conflicts open at some time in the week
 * @param outages controller and Git source outages overlapping the week
 * @param conditions conditions Applications showed at some time in the week
 * @param failedSyncs syncs that ended Failed or Error in the week
 * @param statusAtEnd each Application's sync and health status at the end of the week
 */
record WeekData(
    IsoWeek week,
    String cluster,
    int entries,
    Start start,
    List<ApplicationChange> applicationChanges,
    List<Commit> commits,
    List<Rewrite> rewrites,
    List<Environment> environments,
    List<ObjectStory> objects,
    List<Drift> drifts,
    List<Conflict> conflicts,
    List<Outage> outages,
    List<Condition> conditions,
    List<Sync> failedSyncs,
    List<Status> statusAtEnd) {

  /** The outage read model's kind for the controller; the other kind is {@code git-source}. */
  static final String CONTROLLER = Outages.CONTROLLER;

  /** The outage read model's kind for Git as Argo CD saw it. */
  static final String GIT_ARGO_CD = Outages.GIT_ARGO_CD;

  /** Objects in reading order: by kind, then namespace and name, then cluster. */
  static final Comparator<String> BY_OBJECT =
      (a, b) -> {
        // each key parsed once per comparison: sorting a week's 20,000 objects compares often
        ResourceKey x = ResourceKey.parse(a);
        ResourceKey y = ResourceKey.parse(b);
        int c = x.kind().compareTo(y.kind());
        if (c == 0) {
          c = x.namespace().compareTo(y.namespace());
        }
        if (c == 0) {
          c = x.name().compareTo(y.name());
        }
        return c != 0 ? c : a.compareTo(b);
      };

  /** Desired-value fields in reading order: replicas first, then images, then the rest. */
  static String fieldOrder(String field) {
    return (field.equals("spec.replicas") ? "0" : field.endsWith(".image") ? "1" : "2") + field;
  }

  /** An Application's source, destination and sync policy. */
  record Spec(
      String application,
      String repoUrl,
      String path,
      String targetRevision,
      String destinationServer,
      String destinationName,
      String destinationNamespace,
      boolean automated,
      boolean selfHeal,
      boolean prune) {}

  /**
   * @param kind REGISTERED, CHANGED or DELETED
   * @param by who made it, as the journal tells it ({@code grace created the Application}), or null
   *     when no Argo CD Event named anyone
   */
  record ApplicationChange(Instant at, String kind, Spec spec, String by) {

    /** A change no Argo CD Event attributed. */
    ApplicationChange(Instant at, String kind, Spec spec) {
      this(at, kind, spec, null);
    }
  }

  /**
   * @param applications the Applications registered before the week and not deleted
   * @param sources per Git source, the commits recorded before the week
   * @param holdings who held which object when the week began
   */
  record Start(List<Spec> applications, List<SourceHistory> sources, List<Tenure> holdings) {

    boolean isEmpty() {
      return applications.isEmpty() && sources.isEmpty() && holdings.isEmpty();
    }
  }

  record SourceHistory(String source, int commits, Commit newest) {}

  /**
   * @param affectedApplications the Applications whose source the commit changed, when recorded
   * @param ranIn the Applications that synced this revision, from when (until the week's end)
   */
  /**
   * @param unreachableSince when a force push known by the week's end made it unreachable, or null
   */
  record Commit(
      String source,
      String sha,
      String author,
      Instant committedAt,
      Instant recordedAt,
      String message,
      List<String> affectedApplications,
      List<Ran> ranIn,
      Instant unreachableSince) {

    /** A commit still reachable from its branch. */
    Commit(
        String source,
        String sha,
        String author,
        Instant committedAt,
        Instant recordedAt,
        String message,
        List<String> affectedApplications,
        List<Ran> ranIn) {
      this(
          source, sha, author, committedAt, recordedAt, message, affectedApplications, ranIn, null);
    }
  }

  /**
   * @param first its first successful sync of the commit
   */
  record Ran(String application, Sync first) {}

  record Rewrite(
      String source, Instant at, String oldHead, String newHead, List<String> unreachable) {}

  /**
   * What Argo CD deployed for one Application.
   *
   * @param revisionAtStart the revision of its last sync before the week, or empty
   * @param syncs its syncs in the week
   * @param deployed per object it owned in the week, the desired values its syncs wrote
   */
  record Environment(
      Spec spec, String revisionAtStart, List<Sync> syncs, List<Deployed> deployed) {}

  /**
   * @param values per field path ({@code spec.replicas}, an image), the values in the order they
   *     were deployed
   */
  record Deployed(String resource, Map<String, List<String>> values) {}

  /**
   * @param phase Succeeded, Failed, Error, or Running when it had not ended by the week's end
   */
  record Sync(
      String application,
      String revision,
      String initiatedBy,
      boolean automated,
      boolean partial,
      String phase,
      String message,
      Instant startedAt,
      Instant finishedAt) {

    boolean selfHeal() {
      return automated && partial;
    }
  }

  record ObjectStory(String resource, List<Tenure> tenures, List<Lifecycle> lifecycle) {}

  /**
   * @param to when it ended, or null if it lasted beyond the week
   */
  record Tenure(String resource, String application, Instant from, Instant to) {}

  /**
   * @param kind APPEARED, DELETED or RECREATED
   * @param manager the field manager that wrote it (empty for a deletion)
   */
  record Lifecycle(Instant at, String kind, String manager) {}

  /**
   * @param written the values the actor wrote to the drifted fields, where the journal saw them
   * @param correctedAt null while open at the week's end
   * @param correctingSync the sync that corrected it, if one did
   */
  record Drift(
      String resource,
      String application,
      String evidence,
      String actor,
      List<String> fields,
      Map<String, String> written,
      Instant startedAt,
      Instant correctedAt,
      String correction,
      String correctedBy,
      Sync correctingSync) {}

  /**
   * @param holder the Application holding the object's tracking at the week's end (or when the
   *     conflict ended), or empty
   * @param flips every flip from its start to the week's end
   * @param declaringAtEnd the Applications declaring the object at the week's end
   */
  record Conflict(
      String resource,
      List<String> applications,
      Instant startedAt,
      Instant loopDetectedAt,
      Instant endedAt,
      String winner,
      String holder,
      List<Flip> flips,
      List<String> declaringAtEnd) {}

  /**
   * @param by the sync of {@code to} that wrote the object at that moment, if the journal saw one
   */
  record Flip(int number, String from, String to, Instant at, Sync by) {}

  /**
   * @param kind {@code controller} (subject: the cluster), {@code git-source} (subject: the source)
   *     or {@code git-argo-cd} (subject: the repository URL, as Argo CD saw it)
   * @param endedAt null while unavailable at the week's end
   * @param failure for {@code git-argo-cd}, its {@code GitFailure} slug; empty for the others
   * @param applications for {@code git-argo-cd}, the Applications reporting it; empty otherwise
   */
  record Outage(
      String kind,
      String subject,
      Instant startedAt,
      Instant detectedAt,
      Instant endedAt,
      String reason,
      String failure,
      List<String> applications) {

    /** A controller or Git collector outage. */
    Outage(
        String kind,
        String subject,
        Instant startedAt,
        Instant detectedAt,
        Instant endedAt,
        String reason) {
      this(kind, subject, startedAt, detectedAt, endedAt, reason, "", List.of());
    }

    boolean seenByArgoCd() {
      return kind.equals(GIT_ARGO_CD);
    }
  }

  /**
   * @param clearedAt null while raised at the week's end
   */
  record Condition(
      String application, String type, String message, Instant raisedAt, Instant clearedAt) {}

  record Status(
      String application, String syncStatus, String revision, String health, Instant since) {}
}
