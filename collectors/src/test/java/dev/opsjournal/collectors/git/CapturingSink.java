package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.publish.ObservationSink;
import dev.opsjournal.collectors.publish.PublishException;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.Observation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory sink that keeps what was published, and can refuse publications like Kafka. */
final class CapturingSink implements ObservationSink {

  private final List<Observation> published = new CopyOnWriteArrayList<>();
  private final AtomicInteger acceptBeforeFailing = new AtomicInteger(-1);

  @Override
  public void publish(Observation observation) {
    if (acceptBeforeFailing.get() == 0) {
      throw new PublishException("broker unavailable", new RuntimeException("test"));
    }
    acceptBeforeFailing.getAndUpdate(n -> n > 0 ? n - 1 : n);
    published.add(observation);
  }

  /** Accepts {@code count} more observations, then refuses every one until {@link #heal()}. */
  void failAfter(int count) {
    acceptBeforeFailing.set(count);
  }

  void heal() {
    acceptBeforeFailing.set(-1);
  }

  List<Observation> published() {
    return List.copyOf(published);
  }

  List<CommitObserved> commits() {
    return published.stream()
        .filter(CommitObserved.class::isInstance)
        .map(CommitObserved.class::cast)
        .toList();
  }

  List<String> commitShas() {
    return commits().stream().map(CommitObserved::sha).toList();
  }

  void clear() {
    published.clear();
  }
}
