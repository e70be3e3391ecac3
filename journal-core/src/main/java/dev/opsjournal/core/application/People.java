package dev.opsjournal.core.application;

import java.util.List;
import java.util.Optional;

/**
 * Who did what to an Application, as Argo CD's own Events say it. argocd-server writes {@code
 * "<user> <action>"} on the Application ({@code util/argo/audit_logger.go}, {@code
 * server/application/application.go}): {@code grace created application}, {@code alice deleted
 * application}, {@code admin initiated sync to HEAD (<sha>)}; it writes {@code Unknown user} when
 * the session names nobody. The controller's own Events ({@code Initiated automated sync to …},
 * status updates) are no person's act and are not read here.
 */
public final class People {

  /** What a person did to the Application. */
  public enum Action {
    CREATED("created"),
    UPDATED("changed the spec of"),
    DELETED("deleted"),
    SYNC_INITIATED("started a sync of"),
    ROLLBACK_INITIATED("started a rollback of"),
    OPERATION_TERMINATED("terminated the running operation of");

    private final String verb;

    Action(String verb) {
      this.verb = verb;
    }

    /** {@code grace created the Application}, {@code alice deleted it}. */
    public String said(String who, String application) {
      return who + " " + verb + " " + application;
    }
  }

  /**
   * One act.
   *
   * @param actor the user Argo CD named, or empty when it named nobody ({@code Unknown user})
   */
  public record Act(Action action, String actor) {

    public boolean actorKnown() {
      return !actor.isEmpty();
    }
  }

  /** argocd-server's word for a user it could not name. */
  static final String UNKNOWN_USER = "Unknown user";

  private record Phrase(String reason, String text, Action action) {}

  private static final List<Phrase> PHRASES =
      List.of(
          new Phrase("ResourceCreated", " created application", Action.CREATED),
          new Phrase("ResourceUpdated", " updated application spec", Action.UPDATED),
          new Phrase("ResourceDeleted", " deleted application", Action.DELETED),
          new Phrase("OperationStarted", " initiated sync ", Action.SYNC_INITIATED),
          new Phrase("OperationStarted", " initiated partial sync ", Action.SYNC_INITIATED),
          new Phrase("OperationStarted", " initiated rollback ", Action.ROLLBACK_INITIATED),
          new Phrase(
              "ResourceUpdated", " terminated running operation", Action.OPERATION_TERMINATED));

  private People() {}

  /**
   * The act an Event of {@code reason} with {@code message} records, if it is a person's act on the
   * Application itself (not on one of its resources: {@code deleted resource …}).
   */
  public static Optional<Act> of(String reason, String message) {
    for (Phrase p : PHRASES) {
      if (!p.reason().equals(reason)) {
        continue;
      }
      int at = message.indexOf(p.text());
      boolean endsThere = message.length() == at + p.text().length();
      // "created application" ends the message; "initiated sync " goes on to the revision
      if (at > 0 && (endsThere || p.text().endsWith(" "))) {
        String user = message.substring(0, at).strip();
        return Optional.of(new Act(p.action(), user.equals(UNKNOWN_USER) ? "" : user));
      }
    }
    return Optional.empty();
  }

  /**
   * How the journal names who did it: the person when known; else, plainly, that the user is
   * unknown, with the tool they used ({@code an unknown user of argocd-server}) when there is one.
   */
  public static String name(String actor, String tool) {
    if (actor != null && !actor.isBlank()) {
      return actor;
    }
    return tool != null && !tool.isBlank() ? "an unknown user of " + tool : "an unknown user";
  }

  /** {@code grace created the Application}, as the journal tells the act. */
  public static String told(ApplicationAttributed act, String application) {
    return Action.valueOf(act.action()).said(name(act.actor(), act.tool()), application);
  }
}
