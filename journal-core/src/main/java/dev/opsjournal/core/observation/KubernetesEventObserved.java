package dev.opsjournal.core.observation;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/**
 * A Kubernetes Event (core/v1 or events.k8s.io/v1) about an object. Events expire after an hour and
 * operators can switch Argo CD's off: they corroborate what the watches saw, they are never the
 * only source of a journal entry. Keyed by the object the Event is about.
 */
public record KubernetesEventObserved(
    ResourceKey regarding,
    Instant observedAt,
    String uid,
    String eventType,
    String reason,
    String message,
    String reportingComponent,
    int count,
    Instant firstSeen,
    Instant lastSeen)
    implements Observation {

  public KubernetesEventObserved {
    Observations.required(regarding, "the object the event is about");
    Observations.required(observedAt, "observedAt");
    Observations.required(uid, "the event's uid");
    eventType = eventType == null ? "" : eventType;
    reason = reason == null ? "" : reason;
    message = message == null ? "" : message;
    reportingComponent = reportingComponent == null ? "" : reportingComponent;
  }

  @Override
  public String subject() {
    return regarding.toString();
  }
}
