package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.application.LastSync;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take in an Application's verdict on the object: it now reports it {@code status} (Synced,
 * OutOfSync, or empty when it no longer declares it).
 *
 * @param application {@code namespace/name} of the Application
 * @param revisionChanged whether the Application's revision moved in the same observation (a
 *     desired change, not drift)
 * @param lastSync the Application's last finished sync operation, or null
 */
public record ObserveDeclaration(
    ResourceKey resource,
    String application,
    String previousStatus,
    String status,
    String revision,
    boolean revisionChanged,
    LastSync lastSync,
    Instant at) {

  @TargetAggregateIdentifier
  public String aggregateId() {
    return TrackedResource.aggregateId(resource);
  }

  boolean undeclared() {
    return status == null || status.isEmpty();
  }
}
