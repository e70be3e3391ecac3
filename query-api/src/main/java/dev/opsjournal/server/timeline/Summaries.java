package dev.opsjournal.server.timeline;

import dev.opsjournal.core.application.ApplicationAttributed;
import dev.opsjournal.core.application.ApplicationDeleted;
import dev.opsjournal.core.application.ApplicationRegistered;
import dev.opsjournal.core.application.ApplicationSpecChanged;
import dev.opsjournal.core.application.ConditionCleared;
import dev.opsjournal.core.application.ConditionRaised;
import dev.opsjournal.core.application.HealthChanged;
import dev.opsjournal.core.application.People;
import dev.opsjournal.core.application.ResourceStatusReported;
import dev.opsjournal.core.application.SyncCompleted;
import dev.opsjournal.core.application.SyncStarted;
import dev.opsjournal.core.application.SyncStatusChanged;
import dev.opsjournal.core.resource.ConflictEnded;
import dev.opsjournal.core.resource.ConflictFlipped;
import dev.opsjournal.core.resource.ConflictStarted;
import dev.opsjournal.core.resource.DriftAttributed;
import dev.opsjournal.core.resource.DriftCorrected;
import dev.opsjournal.core.resource.DriftDetected;
import dev.opsjournal.core.resource.OwnershipClaimed;
import dev.opsjournal.core.resource.OwnershipReleased;
import dev.opsjournal.core.resource.OwnershipTransferred;
import dev.opsjournal.core.resource.ReconciliationLoopDetected;
import dev.opsjournal.core.resource.ResourceAppeared;
import dev.opsjournal.core.resource.ResourceChanged;
import dev.opsjournal.core.resource.ResourceDeclared;
import dev.opsjournal.core.resource.ResourceDeleted;
import dev.opsjournal.core.resource.ResourceRecreated;
import dev.opsjournal.core.resource.ResourceUndeclared;
import dev.opsjournal.server.api.Human;
import java.util.List;

/** One line of plain English per journal entry, as a person reading the timeline wants it. */
public final class Summaries {

  private Summaries() {}

  public static String of(Object event) {
    if (event instanceof ResourceAppeared e) {
      return "appeared, written by " + e.manager();
    } else if (event instanceof ResourceChanged e) {
      return "changed by "
          + e.manager()
          + fields(e.fields())
          + " (generation "
          + e.generation()
          + ")";
    } else if (event instanceof ResourceDeleted e) {
      return "deleted";
    } else if (event instanceof ResourceRecreated e) {
      return "recreated"
          + (e.application().isEmpty() ? "" : " by " + e.application())
          + ", written by "
          + e.manager();
    } else if (event instanceof OwnershipClaimed e) {
      return "owned by " + e.application() + " (" + e.tracking().name().toLowerCase() + ")";
    } else if (event instanceof OwnershipTransferred e) {
      return "ownership moved from " + e.from() + " to " + e.to();
    } else if (event instanceof OwnershipReleased e) {
      return "no longer owned by " + e.application();
    } else if (event instanceof ResourceDeclared e) {
      return "declared by " + e.application();
    } else if (event instanceof ResourceUndeclared e) {
      return "no longer declared by " + e.application();
    } else if (event instanceof DriftDetected e) {
      return "drift #"
          + e.episode()
          + " detected ("
          + e.evidence().name().toLowerCase().replace('_', ' ')
          + "): "
          + e.actor()
          + fields(e.fields())
          + "; owner "
          + e.application();
    } else if (event instanceof DriftAttributed e) {
      return "drift #" + e.episode() + " attributed to " + e.actor() + fields(e.fields());
    } else if (event instanceof DriftCorrected e) {
      return "drift #"
          + e.episode()
          + " ended by "
          + e.correction().name().toLowerCase().replace('_', ' ')
          + (e.by().isEmpty() ? "" : " (" + e.by() + ")")
          + " after "
          + Human.duration(e.duration());
    } else if (event instanceof ConflictStarted e) {
      return "conflict #"
          + e.episode()
          + " started between "
          + String.join(", ", e.applications())
          + (e.holder().isEmpty() ? "" : "; held by " + e.holder());
    } else if (event instanceof ConflictFlipped e) {
      return "conflict #" + e.episode() + " flip " + e.flips() + ": " + e.from() + " -> " + e.to();
    } else if (event instanceof ReconciliationLoopDetected e) {
      return "reconciliation loop: "
          + e.flipsInWindow()
          + " flips within "
          + Human.duration(e.window())
          + " between "
          + String.join(", ", e.applications());
    } else if (event instanceof ConflictEnded e) {
      return "conflict #"
          + e.episode()
          + " ended after "
          + e.flips()
          + " flips; "
          + (e.winner().isEmpty() ? "no winner" : e.winner() + " remains");
    } else if (event instanceof ApplicationRegistered e) {
      return "registered: "
          + e.source().repoUrl()
          + " "
          + e.source().path()
          + " @ "
          + e.source().targetRevision();
    } else if (event instanceof ApplicationSpecChanged e) {
      return "spec changed: "
          + e.source().repoUrl()
          + " "
          + e.source().path()
          + " @ "
          + e.source().targetRevision();
    } else if (event instanceof SyncStarted e) {
      return (e.partial() ? "partial sync" : "sync")
          + " to "
          + Human.revision(e.revision())
          + " started by "
          + e.initiatedBy();
    } else if (event instanceof SyncCompleted e) {
      return (e.partial() ? "partial sync" : "sync")
          + " to "
          + Human.revision(e.revision())
          + " "
          + e.phase().toLowerCase()
          + " ("
          + e.initiatedBy()
          + ")";
    } else if (event instanceof SyncStatusChanged e) {
      return "sync status "
          + blank(e.from())
          + " -> "
          + e.to()
          + " at "
          + Human.revision(e.toRevision());
    } else if (event instanceof HealthChanged e) {
      return "health " + blank(e.from()) + " -> " + e.to();
    } else if (event instanceof ConditionRaised e) {
      return e.type() + ": " + e.message();
    } else if (event instanceof ConditionCleared e) {
      return e.type() + " cleared: " + e.message();
    } else if (event instanceof ResourceStatusReported e) {
      return e.resource().kind()
          + "/"
          + e.resource().name()
          + " "
          + (e.status().isEmpty() ? "no longer declared" : e.status());
    } else if (event instanceof ApplicationDeleted) {
      return "deleted";
    } else if (event instanceof ApplicationAttributed e) {
      return People.told(e, "the Application");
    }
    return event.getClass().getSimpleName();
  }

  private static String fields(List<String> fields) {
    if (fields.isEmpty()) {
      return "";
    }
    List<String> shown = fields.size() > 5 ? fields.subList(0, 5) : fields;
    return " "
        + String.join(", ", shown)
        + (fields.size() > 5 ? " and " + (fields.size() - 5) + " more" : "");
  }

  private static String blank(String value) {
    return value.isEmpty() ? "(none)" : value;
  }
}
