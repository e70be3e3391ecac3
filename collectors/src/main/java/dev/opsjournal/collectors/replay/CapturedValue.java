package dev.opsjournal.collectors.replay;

import dev.opsjournal.core.observation.WatchAction;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;

/**
 * One watch event of a capture: what happened to which object, and when it was seen.
 *
 * @param index the value's position in the capture (0-based)
 * @param offset the character offset in the capture where the value starts
 */
record CapturedValue(
    long index, long offset, Instant at, WatchAction action, GenericKubernetesResource object) {}
