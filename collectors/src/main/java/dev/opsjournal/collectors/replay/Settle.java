package dev.opsjournal.collectors.replay;

import java.time.Duration;

/**
 * Waits until the journal has taken in everything published so far, so that a replay reports done
 * only when its answers are there. The server provides it; the replay asks once, at the end.
 */
public interface Settle extends AutoCloseable {

  /**
   * Returns once everything published has been taken in.
   *
   * @throws IllegalStateException when that takes longer than {@code patience}
   */
  void await(Duration patience);

  @Override
  default void close() {}
}
