package dev.opsjournal.server.ownership;

import static dev.opsjournal.server.api.Rows.timestamp;

import dev.opsjournal.core.resource.OwnershipClaimed;
import dev.opsjournal.core.resource.OwnershipReleased;
import dev.opsjournal.core.resource.OwnershipTransferred;
import dev.opsjournal.core.resource.ResourceDeclared;
import dev.opsjournal.core.resource.ResourceUndeclared;
import dev.opsjournal.server.journal.ProjectionWrites;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects tracking and declarations into intervals: who held an object, who declared it. */
@Component
@ProcessingGroup("ownership")
class OwnershipProjection {

  private final ProjectionWrites writes;

  OwnershipProjection(ProjectionWrites writes) {
    this.writes = writes;
  }

  @EventHandler
  void on(OwnershipClaimed event) {
    open(event.resource().toString(), event.application(), event.tracking().name(), event.at());
  }

  @EventHandler
  void on(OwnershipTransferred event) {
    close(event.resource().toString(), event.at());
    open(event.resource().toString(), event.to(), event.tracking().name(), event.at());
  }

  @EventHandler
  void on(OwnershipReleased event) {
    close(event.resource().toString(), event.at());
  }

  @EventHandler
  void on(ResourceDeclared event) {
    writes.update(
        """
        insert into declaration_interval (resource_key, application, valid_from)
        values (?, ?, ?) on conflict do nothing
        """,
        event.resource().toString(),
        event.application(),
        timestamp(event.at()));
  }

  @EventHandler
  void on(ResourceUndeclared event) {
    writes.update(
        """
        update declaration_interval set valid_to = ?
         where resource_key = ? and application = ? and valid_to is null
        """,
        timestamp(event.at()),
        event.resource().toString(),
        event.application());
  }

  @ResetHandler
  void reset() {
    writes.update("delete from ownership_interval");
    writes.update("delete from declaration_interval");
  }

  private void open(String resource, String application, String tracking, Instant at) {
    writes.update(
        """
        insert into ownership_interval (resource_key, application, tracking, valid_from)
        values (?, ?, ?, ?) on conflict do nothing
        """,
        resource,
        application,
        tracking,
        timestamp(at));
  }

  private void close(String resource, Instant at) {
    writes.update(
        "update ownership_interval set valid_to = ? where resource_key = ? and valid_to is null",
        timestamp(at),
        resource);
  }
}
