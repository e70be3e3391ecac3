package dev.opsjournal.server.journal;

import dev.opsjournal.core.application.ObserveApplication;
import dev.opsjournal.core.application.ResourceStatusReported;
import dev.opsjournal.core.resource.ObserveDeclaration;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Hands each Application's verdict on a resource ({@link ResourceStatusReported}) to that
 * resource's aggregate, where drift, correction and conflict are decided, in the unit of work of
 * the Application observation that produced it: the {@code Application} answers {@link
 * ObserveApplication} with the verdicts it applied, and they are journaled in the same transaction
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
class Verdicts implements MessageHandlerInterceptor<CommandMessage<?>> {

  private final CommandGateway commands;

  Verdicts(CommandBus commandBus, CommandGateway commands) {
    this.commands = commands;
    commandBus.registerHandlerInterceptor(this);
  }

  /** After an Application observation was handled, its verdicts go to the declared objects. */
  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unit, InterceptorChain chain)
      throws Exception {
    Object result = chain.proceed();
    if (unit.getMessage().getPayload() instanceof ObserveApplication
        && result instanceof List<?> verdicts) {
      for (Object verdict : verdicts) {
        if (verdict instanceof ResourceStatusReported reported) {
          commands.sendAndWait(declaration(reported));
        }
      }
      return null;
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
