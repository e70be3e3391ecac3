package dev.opsjournal.server.journal;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Keeps ingest batches from deadlocking on aggregate locks. A batch locks many aggregates in one
 * unit of work: the subjects of its partitions (each consumer thread its own, so batches may run
 * side by side), and, for an Application observation, any object the Application declares, whose
 * aggregate takes in the verdict in the same unit of work ({@link Verdicts}). Two such batches
 * could each hold an object the other waits for; Axon would detect the deadlock and fail one of
 * them, and the retry would cost more than the wait. So batches of objects, commits and heartbeats
 * share this lock, and a batch with an Application observation holds it alone.
 */
@Component
public class CommandWriters {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  /**
   * Runs an ingest batch: beside other batches, or alone when it {@code declares} (holds an
   * Application observation, whose verdicts lock the declared objects).
   */
  public void asIngest(boolean declares, Runnable batch) {
    var held = declares ? lock.writeLock() : lock.readLock();
    held.lock();
    try {
      batch.run();
    } finally {
      held.unlock();
    }
  }
}
