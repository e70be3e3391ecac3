package dev.opsjournal.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Argo CD's times ({@code operationState.startedAt}/{@code finishedAt}, {@code reconciledAt},
 * {@code history[].deployedAt}, condition times) are {@code metav1.Time}: whole seconds, truncated.
 * The collectors stamp what they observe to the millisecond, so an instant they saw is compared
 * with such a time as with the whole second it names.
 */
public final class ArgoTime {

  private ArgoTime() {}

  /**
   * Whether {@code instant} is at or before the whole second {@code argoTime} names: a write seen
   * at 09:05:04.7 is not after an operation that finished at 09:05:04Z, since that operation really
   * finished somewhere in 09:05:04.000–09:05:04.999.
   */
  public static boolean notAfter(Instant instant, Instant argoTime) {
    return instant.isBefore(argoTime.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
  }
}
