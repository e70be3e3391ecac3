package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import java.time.Instant;

/**
 * A person's act on the Application, as an Argo CD Event named it ({@link People}): who created,
 * changed, deleted or synced it, and when. Events expire after an hour and can be switched off, so
 * an act without one is simply not attributed; the watch remains the journal's record of what
 * happened, this only says who.
 *
 * @param action a {@link People.Action} name
 * @param actor the user Argo CD named, or empty when it named nobody
 * @param tool the Argo CD component that wrote the Event ({@code argocd-server}), or empty
 * @param message the Event's message, in Argo CD's words
 * @param eventUid the Event's uid: one act is attributed once, however often it is observed
 * @param happenedAt the Event's time (whole seconds), or the observation time when it has none
 */
public record ApplicationAttributed(
    ResourceKey application,
    String action,
    String actor,
    String tool,
    String message,
    String eventUid,
    Instant happenedAt,
    Instant at)
    implements ApplicationEvent {

  /** The act {@code event} names, as the journal keeps it. */
  static ApplicationAttributed of(KubernetesEventObserved event, People.Act act) {
    return new ApplicationAttributed(
        event.regarding(),
        act.action().name(),
        act.actor(),
        event.reportingComponent(),
        event.message(),
        event.uid(),
        event.firstSeen() != null ? event.firstSeen() : event.observedAt(),
        event.observedAt());
  }
}
