package dev.opsjournal.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A feature owns its tables: the one package whose projection inserts into a read-model table is
 * the only one whose SQL names it; every other feature calls that package's reader.
 */
class TableOwnershipTest {

  private static final Path MAIN = Path.of("src/main/java/dev/opsjournal/server");
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Pattern CREATE = Pattern.compile("create table (\\w+)");

  @Test
  void everyReadModelTableIsWrittenByOnePackageAndReadOnlyThere() throws IOException {
    Map<String, String> sources = sources();
    Map<String, Set<String>> writers = new TreeMap<>();
    Map<String, Set<String>> users = new TreeMap<>();
    for (String table : readModelTables()) {
      Pattern insert = Pattern.compile("insert into " + table + "\\b");
      Pattern sql = Pattern.compile("\\b(from|join|into|update)\\s+" + table + "\\b");
      sources.forEach(
          (file, text) -> {
            String feature = file.substring(0, file.indexOf('/'));
            if (insert.matcher(text).find()) {
              writers.computeIfAbsent(table, t -> new TreeSet<>()).add(feature);
            }
            if (sql.matcher(text).find()) {
              users.computeIfAbsent(table, t -> new TreeSet<>()).add(feature);
            }
          });
    }
    assertThat(writers).as("tables and the packages inserting into them").hasSize(21);
    writers.forEach(
        (table, packages) -> {
          assertThat(packages).as("packages writing " + table).hasSize(1);
          assertThat(users.get(table)).as("packages whose SQL names " + table).isEqualTo(packages);
        });
  }

  /** The tables of the journal's read models: V2 and later (V1 is Axon's, V3 the alerts'). */
  private static List<String> readModelTables() throws IOException {
    List<String> tables = new ArrayList<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("V1__") || name.startsWith("V3__")) {
          continue;
        }
        Matcher m = CREATE.matcher(Files.readString(file));
        while (m.find()) {
          tables.add(m.group(1));
        }
      }
    }
    return tables;
  }

  /** Every main source file, by its path under the server package, e.g. {@code drift/X.java}. */
  private static Map<String, String> sources() throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String relative = MAIN.relativize(file).toString().replace('\\', '/');
        if (relative.contains("/")) {
          sources.put(relative, Files.readString(file));
        }
      }
    }
    return sources;
  }
}
