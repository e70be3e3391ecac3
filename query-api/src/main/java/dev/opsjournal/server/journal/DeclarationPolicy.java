package dev.opsjournal.server.journal;

import dev.opsjournal.core.application.ResourceStatusReported;
import dev.opsjournal.core.resource.ObserveDeclaration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Hands each Application's verdict on a resource to that resource's aggregate, where drift,
 * correction and conflict are decided. A tracking processor: its position is stored with the
 * commands' events, so a verdict is handed over exactly once even across restarts.
 */
@Component
@ProcessingGroup(DeclarationPolicy.PROCESSING_GROUP)
class DeclarationPolicy {

  static final String PROCESSING_GROUP = "declarations";

  private final CommandGateway commands;
  private final CommandWriters writers;

  DeclarationPolicy(CommandGateway commands, CommandWriters writers) {
    this.commands = commands;
    this.writers = writers;
  }

  @EventHandler
  @DisallowReplay // a verdict is handed over once; a replay would hand over old verdicts again
  void on(ResourceStatusReported event) {
    writers.aloneUntilUnitOfWorkEnds();
    commands.sendAndWait(
        new ObserveDeclaration(
            event.resource(),
            event.application().namespacedName(),
            event.previousStatus(),
            event.status(),
            event.revision(),
            event.revisionChanged(),
            event.lastSync(),
            event.at()));
  }
}
