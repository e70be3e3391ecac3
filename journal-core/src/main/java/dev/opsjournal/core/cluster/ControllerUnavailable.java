package dev.opsjournal.core.cluster;

import java.time.Instant;

/**
 * Collectors are alive but no Application's reconciledAt has moved since {@code lastReconciledAt},
 * for longer than the configured grace: desired state is not being enforced.
 */
public record ControllerUnavailable(String cluster, Instant lastReconciledAt, Instant at) {}
