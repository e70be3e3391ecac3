package dev.opsjournal.server.standalone;

import dev.opsjournal.collectors.replay.Settle;
import dev.opsjournal.core.Topics;
import dev.opsjournal.server.journal.JournalProgress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when the journal has taken in everything published so far: every observation consumed by
 * the server's group and every tracking processor at the head of the event store. A replay waits
 * for it once, after publishing everything, before it marks itself done.
 */
final class JournalSettle implements Settle {

  private static final Duration POLL = Duration.ofMillis(5);

  private final Admin admin;
  private final String group;
  private final JournalProgress catchUp;

  JournalSettle(Admin admin, String group, JournalProgress catchUp) {
    this.admin = admin;
    this.group = group;
    this.catchUp = catchUp;
  }

  @Override
  public void await(Duration timeout) {
    until(this::settled, timeout);
  }

  private boolean settled() {
    return consumed() && catchUp.atHead();
  }

  private boolean consumed() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      var ends =
          admin
              .listOffsets(
                  admin
                      .describeTopics(java.util.List.of(Topics.OBSERVATIONS))
                      .allTopicNames()
                      .get()
                      .get(Topics.OBSERVATIONS)
                      .partitions()
                      .stream()
                      .collect(
                          Collectors.toMap(
                              p -> new TopicPartition(Topics.OBSERVATIONS, p.partition()),
                              p -> OffsetSpec.latest())))
              .all()
              .get();
      return ends.entrySet().stream()
          .allMatch(
              end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                long at = offset == null ? 0 : offset.offset();
                return at >= end.getValue().offset();
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the journal", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the consumer group " + group, e.getCause());
    }
  }

  /** Polls {@code condition} until it holds; fails after {@code timeout}. */
  static void until(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the journal did not take in the replayed observations within " + timeout);
      }
      CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(POLL.toMillis(), TimeUnit.MILLISECONDS))
          .join();
    }
  }

  @Override
  public void close() {
    admin.close();
  }
}
