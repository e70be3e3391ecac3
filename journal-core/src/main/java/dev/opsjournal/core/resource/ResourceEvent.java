package dev.opsjournal.core.resource;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** An entry in one resource's journal. */
public sealed interface ResourceEvent
    permits ResourceAppeared,
        ResourceChanged,
        ResourceDeleted,
        ResourceRecreated,
        OwnershipClaimed,
        OwnershipTransferred,
        OwnershipReleased,
        ResourceDeclared,
        ResourceUndeclared,
        DriftDetected,
        DriftAttributed,
        DriftCorrected,
        ConflictStarted,
        ConflictFlipped,
        ReconciliationLoopDetected,
        ConflictEnded {

  ResourceKey resource();

  /** Observation time: when the journal's clock says this happened. */
  Instant at();
}
