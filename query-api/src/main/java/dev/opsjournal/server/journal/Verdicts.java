package dev.opsjournal.server.journal;

import dev.opsjournal.core.application.ObserveApplication;
import dev.opsjournal.core.application.ResourceStatusReported;
import dev.opsjournal.core.resource.ObserveDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Hands each Application's verdict on a resource ({@link ResourceStatusReported}) to that
 * resource's aggregate, where drift, correction and conflict are decided, in the unit of work of
 * the Application observation that produced it: the verdicts are journaled in the same transaction
 * as the observation, before the next observation of the batch is handled.
 *
 * <p>So the object's aggregate takes in the verdict exactly where the observation stood among the
 * others, whatever the speed of processing: a week replayed live or consumed as a backlog decides
 * the same. (An asynchronous policy, the former {@code declarations} processing group, handed them
 * over when it got to them, which let resource observations overtake a verdict or not, depending on
 * speed.) A batch that rolls back takes its verdicts with it; one journaled again hands them over
 * again, once.
 */
@Component
class Verdicts
    implements MessageHandlerInterceptor<CommandMessage<?>>,
        MessageDispatchInterceptor<EventMessage<?>> {

  private static final String REPORTED = Verdicts.class.getName() + ".reported";

  private final CommandGateway commands;

  Verdicts(CommandBus commandBus, EventBus events, CommandGateway commands) {
    this.commands = commands;
    commandBus.registerHandlerInterceptor(this);
    events.registerDispatchInterceptor(this);
  }

  /** Notes each verdict the Application applies, in the unit of work of its command. */
  @Override
  public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
      List<? extends EventMessage<?>> messages) {
    return (index, event) -> {
      if (event.getPayload() instanceof ResourceStatusReported verdict
          && CurrentUnitOfWork.isStarted()) {
        List<ResourceStatusReported> reported = CurrentUnitOfWork.get().getResource(REPORTED);
        if (reported != null) {
          reported.add(verdict);
        }
      }
      return event;
    };
  }

  /** After an Application observation was handled, its verdicts go to the declared objects. */
  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unit, InterceptorChain chain)
      throws Exception {
    if (!(unit.getMessage().getPayload() instanceof ObserveApplication)) {
      return chain.proceed();
    }
    List<ResourceStatusReported> reported = new ArrayList<>();
    unit.resources().put(REPORTED, reported);
    Object result = chain.proceed();
    unit.resources().remove(REPORTED);
    for (ResourceStatusReported verdict : reported) {
      commands.sendAndWait(declaration(verdict));
    }
    return result;
  }

  static ObserveDeclaration declaration(ResourceStatusReported event) {
    return new ObserveDeclaration(
        event.resource(),
        event.application().namespacedName(),
        event.previousStatus(),
        event.status(),
        event.revision(),
        event.revisionChanged(),
        event.lastSync(),
        event.at());
  }
}
