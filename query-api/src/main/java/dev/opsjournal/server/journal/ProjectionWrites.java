package dev.opsjournal.server.journal;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The writes of a projection, sent to PostgreSQL when its processor's unit of work (a batch of up
 * to {@code processor-batch-size} events) prepares to commit, in the order they were made, each run
 * of the same statement as one JDBC batch: one round trip for many events instead of one each. A
 * projection that uses it must not read its own tables while handling events (none does: they only
 * write). Outside a unit of work (a reset), a write is sent at once.
 */
@Component
public class ProjectionWrites {

  private final JdbcTemplate jdbc;
  private static final String PENDING = ProjectionWrites.class.getName() + ".pending";

  public ProjectionWrites(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void update(String sql, Object... args) {
    if (!CurrentUnitOfWork.isStarted()) {
      jdbc.update(sql, args);
      return;
    }
    UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
    List<Write> pending =
        unit.getOrComputeResource(
            PENDING,
            key -> {
              List<Write> writes = new ArrayList<>();
              unit.onPrepareCommit(u -> send(writes));
              return writes;
            });
    pending.add(new Write(sql, args));
  }

  private void send(List<Write> writes) {
    int from = 0;
    while (from < writes.size()) {
      String sql = writes.get(from).sql();
      int to = from;
      List<Object[]> run = new ArrayList<>();
      while (to < writes.size() && writes.get(to).sql().equals(sql)) {
        run.add(writes.get(to).args());
        to++;
      }
      if (run.size() == 1) {
        jdbc.update(sql, run.get(0));
      } else {
        jdbc.batchUpdate(sql, run);
      }
      from = to;
    }
    writes.clear();
  }

  private record Write(String sql, Object[] args) {}
}
