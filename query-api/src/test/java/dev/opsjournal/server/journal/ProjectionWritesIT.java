package dev.opsjournal.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.opsjournal.server.testing.TestPostgres;
import java.util.List;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Projection writes wait for the unit of work, then reach PostgreSQL in the order they were made.
 */
class ProjectionWritesIT {

  private JdbcTemplate jdbc;
  private ProjectionWrites writes;

  @BeforeEach
  void table() {
    jdbc =
        new JdbcTemplate(new DriverManagerDataSource(TestPostgres.newDatabase(), "postgres", ""));
    jdbc.execute("create table interval (key text primary key, valid_to int)");
    writes = new ProjectionWrites(jdbc);
  }

  @Test
  void givenWritesInAUnitOfWork_whenItCommits_thenTheyArriveThenInTheirOrder() {
    UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
    unit.execute(
        () -> {
          writes.update("insert into interval (key) values (?)", "a");
          writes.update("insert into interval (key) values (?)", "b");
          writes.update("update interval set valid_to = ? where valid_to is null", 1);
          writes.update("insert into interval (key) values (?)", "c");
          assertThat(rows()).isEmpty();
        });

    assertThat(rows()).containsExactly("a:1", "b:1", "c:null");
  }

  @Test
  void givenAUnitOfWorkThatRollsBack_whenItEnds_thenNothingArrives() {
    UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);

    assertThatThrownBy(
            () ->
                unit.execute(
                    () -> {
                      writes.update("insert into interval (key) values (?)", "a");
                      throw new IllegalStateException("a handler failed");
                    }))
        .hasMessage("a handler failed");
    assertThat(rows()).isEmpty();
  }

  @Test
  void givenNoUnitOfWork_whenWritten_thenItArrivesAtOnce() {
    writes.update("insert into interval (key) values (?)", "a");

    assertThat(rows()).containsExactly("a:null");
  }

  private List<String> rows() {
    return jdbc.query(
        "select key, valid_to from interval order by key",
        (row, i) -> row.getString(1) + ":" + row.getObject(2));
  }
}
