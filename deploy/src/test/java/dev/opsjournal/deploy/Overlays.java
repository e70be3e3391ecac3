package dev.opsjournal.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three overlays, each rendered with {@code kubectl kustomize} and parsed strictly once per JVM
 * (a static cache, shared by every test class: Surefire runs them all in one fork), and the
 * namespace each must render into.
 */
final class Overlays {

  static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");

  static final Map<String, String> NAMESPACES =
      Map.of("dev", "ops-journal-dev", "staging", "ops-journal-staging", "prod", "ops-journal");

  static final Path REPO_ROOT = findRepoRoot();

  private static final Map<String, Object> RENDERED = new ConcurrentHashMap<>();

  private Overlays() {}

  /** An overlay rendered and parsed once per run; a failure is kept and reported by every test. */
  static List<Manifest> rendered(String env) {
    Object result =
        RENDERED.computeIfAbsent(
            env,
            e -> {
              Path overlay = REPO_ROOT.resolve("deploy/overlays").resolve(e);
              try {
                return StrictManifests.parse(
                    "deploy/overlays/" + e + " (rendered)", Kubectl.kustomize(overlay));
              } catch (AssertionError failure) {
                return failure;
              }
            });
    if (result instanceof AssertionError failure) {
      throw failure;
    }
    @SuppressWarnings("unchecked")
    List<Manifest> manifests = (List<Manifest>) result;
    return manifests;
  }

  /** Fails with every problem found in one overlay, each named once. */
  static void assertNoProblems(String env, List<String> problems) {
    if (!problems.isEmpty()) {
      fail(
          "deploy/overlays/"
              + env
              + ":\n  - "
              + String.join("\n  - ", new LinkedHashSet<>(problems)));
    }
  }

  /** The repository root, found upwards from the module directory (Maven's working directory). */
  private static Path findRepoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy/overlays"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no deploy/overlays above " + Path.of("").toAbsolutePath() + ": run from the repository");
  }
}
