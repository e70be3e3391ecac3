package dev.opsjournal.collectors.kubernetes;

import dev.opsjournal.core.ResourceKey;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Publishing lanes. A publish waits for Kafka's acknowledgement, so one object at a time would cap
 * a large initial list at a few hundred objects a second; lanes publish in parallel while each
 * object, always in the same lane, keeps its order. Bounded: a slow Kafka slows the informers'
 * handlers down rather than filling the heap.
 */
final class PublishLanes {

  static final int LANES = 8;
  static final int LANE_CAPACITY = 1_000;

  private final ThreadPoolExecutor[] lanes = new ThreadPoolExecutor[LANES];

  /**
   * @param name names the lanes' threads
   */
  PublishLanes(String name) {
    for (int i = 0; i < LANES; i++) {
      String thread = name + "-lane-" + i;
      lanes[i] =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(LANE_CAPACITY),
              task -> {
                Thread daemon = new Thread(task, thread);
                daemon.setDaemon(true);
                return daemon;
              },
              (task, pool) -> {
                try {
                  if (!pool.isShutdown()) {
                    pool.getQueue().put(task); // wait for room: back-pressure, not loss
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
  }

  /** Runs the work in the key's lane, after the work queued before for that key. */
  void execute(ResourceKey key, Runnable work) {
    lanes[laneOf(key)].execute(work);
  }

  static int laneOf(ResourceKey key) {
    return Math.floorMod(key.hashCode(), LANES);
  }

  /**
   * Interrupts a publish in flight (it is not recorded, so not lost), drops what is queued and
   * waits up to 10 s per lane for the threads to end.
   */
  void shutdown() {
    for (ThreadPoolExecutor lane : lanes) {
      lane.shutdownNow();
    }
    for (ThreadPoolExecutor lane : lanes) {
      try {
        lane.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
