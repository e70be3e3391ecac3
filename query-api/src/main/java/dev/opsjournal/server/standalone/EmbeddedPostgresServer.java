package dev.opsjournal.server.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL from the embedded binaries of Maven Central, its data directory kept across restarts,
 * with one database for the journal.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  static final String DATABASE = "opsjournal";
  static final String USER = "postgres";

  private final EmbeddedPostgres postgres;
  private final int port;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port) {
    this.postgres = postgres;
    this.port = port;
  }

  /**
   * Fails, before anything is started, where the embedded binaries cannot run: their {@code initdb}
   * and {@code pg_ctl} start PostgreSQL through {@code /bin/sh} (on Unix; not asked on Windows),
   * which the container image (no shell) does not have.
   */
  static void checkCanRun(Path shell) {
    if (Files.isExecutable(shell)) {
      return;
    }
    throw new IllegalStateException(
        "the embedded PostgreSQL cannot run here: its initdb and pg_ctl start PostgreSQL through "
            + shell
            + ", which this system does not have (the container image has no shell); set"
            + " spring.datasource.url (and username, password) to a PostgreSQL to use instead");
  }

  static EmbeddedPostgresServer start(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().normalize();
    boolean existing = Files.exists(dir.resolve("PG_VERSION"));
    EmbeddedPostgres postgres;
    try {
      Files.createDirectories(dir);
      postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir)
              .setCleanDataDirectory(false)
              .setPort(port)
              // stopped by the context, after its pool: not by a JVM hook racing the context
              .setRegisterShutdownHook(false)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot start the embedded PostgreSQL on port "
              + port
              + " with data in "
              + dir
              + "; set opsjournal.standalone.postgres.port to a free port, or"
              + " spring.datasource.url to use an external PostgreSQL",
          e);
    }
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, port);
    server.createDatabase();
    log.info(
        "PostgreSQL: embedded server listening on localhost:{}, database {}, data in {} ({})",
        port,
        DATABASE,
        dir,
        existing ? "existing" : "new");
    return server;
  }

  private void createDatabase() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the database " + DATABASE, e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  @Override
  public void close() {
    log.info("PostgreSQL: stopping the embedded server on localhost:{}", port);
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
    log.info("PostgreSQL: stopped");
  }
}
