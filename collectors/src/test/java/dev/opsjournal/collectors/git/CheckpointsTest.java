package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: what a restart reads back, and what it does with a damaged one. */
class CheckpointsTest {

  private static final String SOURCE = "https://git.example.com/platform.git#main";
  private static final String SHA = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";

  @TempDir Path dir;

  @Test
  void givenSavedCheckpoints_whenReadByANewInstance_thenHeadAndOutageAreBack() {
    Checkpoints checkpoints = new Checkpoints(dir);
    checkpoints.saveHead(SOURCE, SHA);
    checkpoints.saveUnavailable(SOURCE, true);
    checkpoints.sync();

    Checkpoints restarted = new Checkpoints(dir);
    assertThat(restarted.head(SOURCE)).contains(SHA);
    assertThat(restarted.unavailable(SOURCE)).isTrue();
    assertThat(restarted.head("other#main")).isEmpty();
    assertThat(dir.resolve(Checkpoints.FILE_NAME + ".tmp")).doesNotExist();
  }

  @Test
  void givenAForgottenHeadAndARecovery_whenReadBack_thenBothAreGone() {
    Checkpoints checkpoints = new Checkpoints(dir);
    checkpoints.saveHead(SOURCE, SHA);
    checkpoints.saveUnavailable(SOURCE, true);
    checkpoints.saveHead(SOURCE, null);
    checkpoints.saveUnavailable(SOURCE, false);

    Checkpoints restarted = new Checkpoints(dir);
    assertThat(restarted.head(SOURCE)).isEmpty();
    assertThat(restarted.unavailable(SOURCE)).isFalse();
  }

  @Test
  void givenADamagedFile_whenRead_thenTheCollectorStartsFromScratch() throws IOException {
    Files.write(
        dir.resolve(Checkpoints.FILE_NAME),
        new byte[] {'a', '=', '\\', 'u', '1', '2'}); // a broken \\u escape
    Checkpoints checkpoints = new Checkpoints(dir);

    assertThat(checkpoints.head(SOURCE)).isEmpty();
    checkpoints.saveHead(SOURCE, SHA);
    assertThat(Files.readString(dir.resolve(Checkpoints.FILE_NAME), StandardCharsets.UTF_8))
        .contains(SHA);
  }
}
