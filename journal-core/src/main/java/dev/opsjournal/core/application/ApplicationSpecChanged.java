package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import java.time.Instant;

/** Its source, destination or sync policy changed. */
public record ApplicationSpecChanged(
    ResourceKey application, ApplicationSource source, SyncPolicy syncPolicy, Instant at)
    implements ApplicationEvent {}
