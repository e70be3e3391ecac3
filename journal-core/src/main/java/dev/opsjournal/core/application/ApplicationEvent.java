package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** An entry in one Application's journal. */
public sealed interface ApplicationEvent
    permits ApplicationRegistered,
        ApplicationSpecChanged,
        SyncStarted,
        SyncCompleted,
        SyncStatusChanged,
        HealthChanged,
        ConditionRaised,
        ConditionCleared,
        GitErrorRaised,
        GitErrorCleared,
        ResourceStatusReported,
        ApplicationDeleted,
        ApplicationAttributed {

  ResourceKey application();

  /** Observation time. */
  Instant at();
}
