package dev.opsjournal.core.source;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/** One repository and branch as the Git collector sees it. */
public class GitSource {

  @AggregateIdentifier private String id;
  private final Set<String> recorded = new HashSet<>();
  private final Set<String> rewrites = new HashSet<>();
  private Instant unavailableSince;
  private Instant lastAvailabilityAt;

  GitSource() {
    // for Axon
  }

  /** The aggregate of {@code <repoUrl>#<branch>}. */
  public static String aggregateId(String source) {
    return "source:" + source;
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RecordCommit command) {
    identify(command.aggregateId()); // Axon keeps a new aggregate by id even when nothing happened
    CommitObserved commit = command.commit();
    if (recorded.contains(commit.sha())) {
      return; // re-delivered: a commit is recorded once per branch
    }
    apply(
        new CommitRecorded(
            commit.subject(),
            commit.repoUrl(),
            commit.branch(),
            commit.sha(),
            commit.parents(),
            commit.author(),
            commit.committer(),
            commit.message(),
            commit.changedPaths(),
            command.affectedApplications(),
            commit.observedAt()));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RecordHistoryRewrite command) {
    identify(command.aggregateId());
    HistoryRewriteObserved rewrite = command.rewrite();
    if (rewrites.contains(rewrite.oldHead() + ".." + rewrite.newHead())) {
      return;
    }
    apply(
        new HistoryRewritten(
            rewrite.subject(),
            rewrite.oldHead(),
            rewrite.newHead(),
            rewrite.unreachable(),
            rewrite.observedAt()));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(ObserveSourceAvailability command) {
    identify(command.aggregateId());
    if (lastAvailabilityAt != null && !command.at().isAfter(lastAvailabilityAt)) {
      return; // re-delivered or stale
    }
    boolean unavailable = unavailableSince != null;
    if (!command.available() && !unavailable) {
      apply(new SourceUnavailable(command.source(), command.reason(), command.at()));
    } else if (command.available() && unavailable && command.at().isAfter(unavailableSince)) {
      apply(
          new SourceRecovered(
              command.source(),
              unavailableSince,
              Duration.between(unavailableSince, command.at()),
              command.at()));
    }
  }

  @EventSourcingHandler
  void on(CommitRecorded event) {
    id = aggregateId(event.source());
    recorded.add(event.sha());
  }

  @EventSourcingHandler
  void on(HistoryRewritten event) {
    id = aggregateId(event.source());
    rewrites.add(event.oldHead() + ".." + event.newHead());
  }

  @EventSourcingHandler
  void on(SourceUnavailable event) {
    id = aggregateId(event.source());
    unavailableSince = event.at();
    lastAvailabilityAt = event.at();
  }

  @EventSourcingHandler
  void on(SourceRecovered event) {
    unavailableSince = null;
    lastAvailabilityAt = event.at();
  }

  /**
   * The identifier is identity, not state: it is known from the command before any event, and a new
   * aggregate that applies no event still needs one.
   */
  private void identify(String aggregateId) {
    if (id == null) {
      id = aggregateId;
    }
  }
}
