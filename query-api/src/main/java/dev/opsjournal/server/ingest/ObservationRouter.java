package dev.opsjournal.server.ingest;

import dev.opsjournal.core.application.ObserveApplication;
import dev.opsjournal.core.application.ObserveApplicationEvent;
import dev.opsjournal.core.cluster.ObserveControllerActivity;
import dev.opsjournal.core.cluster.ObserveHeartbeat;
import dev.opsjournal.core.observation.ApplicationObserved;
import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.HeartbeatObserved;
import dev.opsjournal.core.observation.HistoryRewriteObserved;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import dev.opsjournal.core.observation.Observation;
import dev.opsjournal.core.observation.ResourceObserved;
import dev.opsjournal.core.observation.SourceRecoveredObserved;
import dev.opsjournal.core.observation.SourceUnavailableObserved;
import dev.opsjournal.core.resource.ObserveResource;
import dev.opsjournal.core.source.ObserveSourceAvailability;
import dev.opsjournal.core.source.RecordCommit;
import dev.opsjournal.core.source.RecordHistoryRewrite;
import dev.opsjournal.server.catalog.ApplicationCatalog;
import dev.opsjournal.server.journal.CommandWriters;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns observations into commands for the aggregates they concern, and waits for them: a batch in
 * one unit of work (one transaction, one append of all its events, each aggregate loaded and locked
 * once), or one observation on its own.
 */
@Component
class ObservationRouter {

  private static final Logger log = LoggerFactory.getLogger(ObservationRouter.class);

  private final CommandGateway commands;
  private final ApplicationCatalog catalog;
  private final ApplicationEventPublisher events;
  private final TransactionManager transactions;
  private final CommandWriters writers;
  private final ControllerActivity controllerActivity = new ControllerActivity();

  ObservationRouter(
      CommandGateway commands,
      ApplicationCatalog catalog,
      ApplicationEventPublisher events,
      TransactionManager transactions,
      CommandWriters writers) {
    this.commands = commands;
    this.catalog = catalog;
    this.events = events;
    this.transactions = transactions;
    this.writers = writers;
  }

  /**
   * Journals the observations in order, all or none: the commands run nested in one unit of work,
   * whose transaction commits at the end; any failure rolls every one of them back (and evicts the
   * aggregates they touched from the cache) and is thrown.
   */
  void routeTogether(List<Observation> observations) {
    writers.asIngest(
        observations.stream().anyMatch(ApplicationObserved.class::isInstance),
        () -> {
          UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
          unit.attachTransaction(transactions);
          try {
            unit.execute(() -> observations.forEach(this::dispatch));
          } catch (RuntimeException e) {
            controllerActivity.forget();
            throw e;
          }
        });
  }

  /** Journals one observation in its own unit of work. */
  void route(Observation observation) {
    try {
      writers.asIngest(observation instanceof ApplicationObserved, () -> dispatch(observation));
    } catch (RuntimeException e) {
      controllerActivity.forget();
      throw e;
    }
  }

  private void dispatch(Observation observation) {
    Object command = commandFor(observation);
    if (command != null) {
      Object reply = commands.sendAndWait(command);
      if (observation instanceof HeartbeatObserved heartbeat) {
        controllerActivity.answered(heartbeat.cluster(), reply);
      }
    }
    if (observation instanceof ApplicationObserved application) {
      ObserveControllerActivity activity = controllerActivity.of(application);
      if (activity != null) {
        controllerActivity.answered(activity.cluster(), commands.sendAndWait(activity));
      }
    }
  }

  /** After the commit: time-based rules may now look at what was journaled up to then. */
  void announce(Observation observation) {
    if (observation instanceof HeartbeatObserved heartbeat) {
      events.publishEvent(new JournalClockAdvanced(heartbeat.cluster(), heartbeat.observedAt()));
    }
  }

  private Object commandFor(Observation observation) {
    if (observation instanceof ResourceObserved resource) {
      return new ObserveResource(resource);
    } else if (observation instanceof ApplicationObserved application) {
      return new ObserveApplication(application);
    } else if (observation instanceof CommitObserved commit) {
      return new RecordCommit(commit, catalog.registeredAt(commit.observedAt()));
    } else if (observation instanceof HistoryRewriteObserved rewrite) {
      return new RecordHistoryRewrite(rewrite);
    } else if (observation instanceof SourceUnavailableObserved down) {
      return new ObserveSourceAvailability(down.subject(), false, down.reason(), down.observedAt());
    } else if (observation instanceof SourceRecoveredObserved up) {
      return new ObserveSourceAvailability(up.subject(), true, "", up.observedAt());
    } else if (observation instanceof HeartbeatObserved heartbeat) {
      return new ObserveHeartbeat(heartbeat);
    } else if (observation instanceof KubernetesEventObserved event
        && event.regarding().isApplication()) {
      // Argo CD's Events on an Application name the people acting on it
      return new ObserveApplicationEvent(event);
    } else if (observation instanceof KubernetesEventObserved event) {
      // Events corroborate what the watches saw; the journal does not record them on their own.
      log.atDebug()
          .addKeyValue("resource", event.regarding())
          .log("Kubernetes event {} about {} noted", event.reason(), event.regarding());
      return null;
    }
    throw new MalformedObservationException(
        MalformedObservationException.Reason.NO_ROUTE,
        "no route for " + observation.getClass().getName());
  }
}
