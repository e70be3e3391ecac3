package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** The journal saw the Application for the first time (or again, after it was deleted). */
public record ApplicationRegistered(
    ResourceKey application,
    String uid,
    ApplicationSource source,
    SyncPolicy syncPolicy,
    Instant at)
    implements ApplicationEvent {}
