package dev.opsjournal.core.cluster;

import java.time.Duration;
import java.time.Instant;

/**
 * Applications are being reconciled again, from {@code reconciledAt}; {@code outage} runs from the
 * last reconciliation before the silence to the first after it.
 */
public record ControllerRecovered(
    String cluster, Instant lastReconciledAt, Instant reconciledAt, Duration outage, Instant at) {}
