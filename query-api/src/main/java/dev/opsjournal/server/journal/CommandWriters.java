package dev.opsjournal.server.journal;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the two senders of commands from deadlocking on aggregate locks. Both lock many aggregates
 * in one unit of work: an ingest batch the subjects of its partitions (each consumer thread its
 * own, so batches may run side by side), and a batch of the {@link DeclarationPolicy} any object an
 * Application declares. Each could hold an aggregate the other waits for; Axon would detect the
 * deadlock and fail one of them, and the retry would cost more than the wait. So ingest batches
 * share this lock and a policy batch holds it alone, until its unit of work is cleaned up.
 */
@Component
public class CommandWriters {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

  /** Runs an ingest batch, beside other ingest batches, never beside a policy batch. */
  public void asIngest(Runnable batch) {
    lock.readLock().lock();
    try {
      batch.run();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Holds the lock alone from now until the current unit of work (the policy's batch) ends. */
  void aloneUntilUnitOfWorkEnds() {
    if (lock.isWriteLockedByCurrentThread()) {
      return;
    }
    lock.writeLock().lock();
    CurrentUnitOfWork.get().root().onCleanup(unit -> lock.writeLock().unlock());
  }
}
