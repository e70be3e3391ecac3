package dev.opsjournal.server.standalone;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@DisabledOnOs(OS.WINDOWS)
class EmbeddedPostgresServerTest {

  @Test
  void withoutAShellTheEmbeddedPostgresSaysWhatToSetInstead() {
    assertThatThrownBy(() -> EmbeddedPostgresServer.checkCanRun(Path.of("/no/such/sh")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the embedded PostgreSQL cannot run here")
        .hasMessageContaining("/no/such/sh")
        .hasMessageContaining("spring.datasource.url");
  }

  @Test
  void withAShellItRuns() {
    assertThatCode(() -> EmbeddedPostgresServer.checkCanRun(Path.of("/bin/sh")))
        .doesNotThrowAnyException();
  }
}
