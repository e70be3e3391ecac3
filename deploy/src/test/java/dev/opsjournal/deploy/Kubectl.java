package dev.opsjournal.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code kubectl kustomize}, found on the {@code PATH}: without it the tests fail and say what to
 * install, they are not skipped (a skipped validation would pass CI with broken manifests).
 */
final class Kubectl {

  static final String MISSING =
      "kubectl (with Kustomize 5) is needed to validate deploy/: install kubectl 1.27+; Debian's"
          + " kubernetes-client 1.20 is too old for patches:";

  private Kubectl() {}

  /** {@code kubectl kustomize <dir>}: its output, or a failure with kubectl's own message. */
  static String kustomize(Path dir) {
    String kubectl = require();
    ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize", dir.toString());
    builder.directory(Overlays.REPO_ROOT.toFile());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = readAll(process.getInputStream());
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
      }
      int exit = process.exitValue();
      if (exit != 0) {
        fail(
            "kubectl kustomize "
                + Overlays.REPO_ROOT.relativize(dir.toAbsolutePath())
                + " failed (exit "
                + exit
                + "):\n"
                + err.join()
                + "\n(needs kubectl 1.27+ with Kustomize 5: `kubectl version --client` tells)");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + kubectl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The kubectl executable on the {@code PATH}, or a failure saying it is needed. */
  static String require() {
    String path = Objects.toString(System.getenv("PATH"), "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : List.of("kubectl", "kubectl.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return fail(MISSING);
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
