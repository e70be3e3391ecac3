package dev.opsjournal.collectors.replay;

import java.time.Duration;

/**
 * Waits until the journal has taken in everything published so far, as the seconds between live
 * observations would let it. The server provides it; the replay only knows when to ask.
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
