package dev.opsjournal.server.journal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells when every tracking processor of this server has reached the head of the event store: the
 * read models are current. The weekly export, the standalone replay, the live drift deadlines and
 * the tests all ask it.
 */
@Component
public class JournalProgress {

  private static final Duration POLL = Duration.ofMillis(200);

  private final EventProcessingConfiguration processing;
  private final JdbcTemplate jdbc;

  public JournalProgress(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
    this.processing = processing;
    this.jdbc = jdbc;
  }

  /** Waits until every processor is at the head; false if that took longer than {@code timeout}. */
  public boolean await(Duration timeout) throws InterruptedException {
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "journal-catch-up"));
    CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    try {
      poller.scheduleWithFixedDelay(
          () -> {
            try {
              if (atHead()) {
                caughtUp.complete(null);
              }
            } catch (RuntimeException e) {
              caughtUp.completeExceptionally(e);
            }
          },
          0,
          POLL.toMillis(),
          TimeUnit.MILLISECONDS);
      caughtUp.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot tell whether the journal caught up", e.getCause());
    } finally {
      poller.shutdownNow();
    }
  }

  /**
   * Every streaming processor running, without error, at or past the newest stored event. The
   * positions are read before the head: an event stored meanwhile (a policy's command, say) makes
   * the answer "not yet", never a false "yes".
   */
  public boolean atHead() {
    List<StreamingEventProcessor> processors =
        processing.eventProcessors().values().stream()
            .filter(StreamingEventProcessor.class::isInstance)
            .map(StreamingEventProcessor.class::cast)
            .toList();
    boolean healthy =
        processors.stream()
            .allMatch(p -> p.isRunning() && !p.isError() && !p.processingStatus().isEmpty());
    List<OptionalLong> positions =
        processors.stream()
            .flatMap(p -> p.processingStatus().values().stream())
            .map(EventTrackerStatus::getCurrentPosition)
            .toList();
    Long head =
        jdbc.queryForObject(
            "select coalesce(max(globalindex), -1) from domainevententry", Long.class);
    long newest = head == null ? -1 : head;
    return healthy && positions.stream().allMatch(position -> reached(position, newest));
  }

  /**
   * How many events each streaming processor is behind the head of the event store: the head's
   * index less the processor's lowest segment position (the whole store for a processor with no
   * position yet), for the processor-lag gauge.
   */
  public Map<String, Long> behindHead() {
    Long stored =
        jdbc.queryForObject(
            "select coalesce(max(globalindex), -1) from domainevententry", Long.class);
    long head = stored == null ? -1 : stored;
    Map<String, Long> behind = new TreeMap<>();
    processing
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming) {
                behind.put(name, behind(streaming, head));
              }
            });
    return behind;
  }

  private static long behind(StreamingEventProcessor processor, long head) {
    if (head < 0) {
      return 0;
    }
    if (processor.processingStatus().isEmpty()) {
      return head + 1;
    }
    long behind = 0;
    for (EventTrackerStatus status : processor.processingStatus().values()) {
      OptionalLong position = status.getCurrentPosition();
      behind = Math.max(behind, position.isPresent() ? head - position.getAsLong() : head + 1);
    }
    return Math.max(0, behind);
  }

  private static boolean reached(OptionalLong position, long head) {
    return head < 0 || (position.isPresent() && position.getAsLong() >= head);
  }
}
