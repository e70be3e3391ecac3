package dev.opsjournal.server.standalone;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path dir;

  @Test
  void withoutAShellTheEmbeddedPostgresSaysWhatToSetInstead() {
    Path missing = dir.resolve("no-such-sh");

    assertThatThrownBy(() -> EmbeddedPostgresServer.checkCanRun(missing))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the embedded PostgreSQL cannot run here")
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("spring.datasource.url");
  }

  @Test
  void withAShellItRuns() throws IOException {
    Path shell = Files.createFile(dir.resolve("sh"));
    shell.toFile().setExecutable(true);

    assertThatCode(() -> EmbeddedPostgresServer.checkCanRun(shell)).doesNotThrowAnyException();
  }
}
