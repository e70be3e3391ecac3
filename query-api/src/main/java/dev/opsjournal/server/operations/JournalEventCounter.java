package dev.opsjournal.server.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Counts the events appended to the journal, by type, once their unit of work committed: an event
 * of a batch that was rolled back and journaled again one by one is counted once.
 */
@Component
class JournalEventCounter implements MessageDispatchInterceptor<EventMessage<?>> {

  private final MeterProvider<Counter> appended;

  JournalEventCounter(EventBus events, MeterRegistry meters) {
    this.appended =
        Counter.builder("opsjournal.journal.events.appended")
            .description("events appended to the event store, by type")
            .withRegistry(meters);
    events.registerDispatchInterceptor(this);
  }

  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    return (index, event) -> {
      Counter counter = appended.withTag("type", event.getPayloadType().getSimpleName());
      if (CurrentUnitOfWork.isStarted()) {
        CurrentUnitOfWork.get().root().afterCommit(unit -> counter.increment());
      } else {
        counter.increment();
      }
      return event;
    };
  }
}
