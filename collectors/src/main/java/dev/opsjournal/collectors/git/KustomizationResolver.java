package dev.opsjournal.collectors.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The Kustomize reference graph of a tree: each directory holding a kustomization, mapped to the
 * directories its {@code resources}, {@code bases} and {@code components} refer to, as paths from
 * the repository root. The journal follows it to tell that a change to {@code base/} reaches every
 * overlay built on it (the server has no checkout to look for itself).
 *
 * <p>Only local directories count: a file entry is a manifest of the directory itself, and a remote
 * reference ({@code github.com/…}, {@code https://…}) is outside the repository. As Kustomize does,
 * an entry is local when it names a directory of the tree.
 */
final class KustomizationResolver {

  /** Kustomize's own order of preference when a directory holds several of them. */
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final List<String> REFERENCE_KEYS = List.of("resources", "bases", "components");

  /** A kustomization is a few hundred bytes; anything beyond this is no kustomization to read. */
  private static final int MAX_FILE_BYTES = 1 << 20;

  /** Parsed blobs kept: enough for the kustomizations of a large monorepo, a few MiB at most. */
  private static final int CACHE_ENTRIES = 20_000;

  private static final Logger log = LoggerFactory.getLogger(KustomizationResolver.class);

  /**
   * The entries of each kustomization blob ever parsed, by blob id: a blob's content never changes,
   * so a long history parses each version of each file once. Empty for a malformed file.
   */
  private final Map<ObjectId, Optional<List<String>>> parsed =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ObjectId, Optional<List<String>>> e) {
              return size() > CACHE_ENTRIES;
            }
          });

  /**
   * The reference graph of {@code tree}, sorted by directory.
   *
   * @param sha the commit the tree belongs to, for the log when a file is malformed
   */
  Map<String, List<String>> resolve(ObjectReader reader, RevTree tree, String sha)
      throws IOException {
    Map<String, ObjectId> kustomizations = findKustomizations(reader, tree);
    Map<String, List<String>> graph = new TreeMap<>();
    Map<String, Boolean> directories = new HashMap<>();
    for (Map.Entry<String, ObjectId> file : kustomizations.entrySet()) {
      String path = file.getKey();
      String dir = parent(path);
      Optional<List<String>> entries = entries(reader, file.getValue(), path, sha);
      if (entries.isEmpty()) {
        continue; // malformed: skipped, already logged
      }
      Set<String> referenced = new LinkedHashSet<>();
      for (String entry : entries.get()) {
        resolveLocal(dir, entry)
            .filter(target -> !target.equals(dir)) // "." adds nothing to follow
            .filter(
                target -> directories.computeIfAbsent(target, t -> isDirectory(reader, tree, t)))
            .ifPresent(referenced::add);
      }
      graph.put(dir, List.copyOf(referenced));
    }
    return graph;
  }

  /** Each directory's kustomization file (Kustomize's preferred name when there are several). */
  private static Map<String, ObjectId> findKustomizations(ObjectReader reader, RevTree tree)
      throws IOException {
    Map<String, String> chosenName = new HashMap<>();
    Map<String, ObjectId> files = new TreeMap<>();
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      walk.setFilter(KustomizationFiles.INSTANCE);
      while (walk.next()) {
        if (!walk.getFileMode(0).equals(FileMode.REGULAR_FILE)
            && !walk.getFileMode(0).equals(FileMode.EXECUTABLE_FILE)) {
          continue; // a symlink or submodule with that name is no file of this tree to read
        }
        String path = walk.getPathString();
        String dir = parent(path);
        String name = walk.getNameString();
        String previous = chosenName.get(dir);
        if (previous == null || FILE_NAMES.indexOf(name) < FILE_NAMES.indexOf(previous)) {
          if (previous != null) {
            files.remove(join(dir, previous));
          }
          chosenName.put(dir, name);
          files.put(path, walk.getObjectId(0));
        }
      }
    }
    return files;
  }

  private Optional<List<String>> entries(
      ObjectReader reader, ObjectId blob, String path, String sha) throws IOException {
    Optional<List<String>> cached = parsed.get(blob);
    if (cached != null) {
      return cached; // a malformed blob was logged when first met, not again for every commit
    }
    Optional<List<String>> entries;
    try {
      byte[] bytes = reader.open(blob).getCachedBytes(MAX_FILE_BYTES);
      entries = Optional.of(parse(new String(bytes, StandardCharsets.UTF_8)));
    } catch (YAMLException | MalformedKustomization | LargeObjectException e) {
      log.warn(
          "Skipping malformed kustomization {} at commit {}: {}",
          path,
          sha,
          e.getMessage() == null
              ? e.getClass().getSimpleName()
              : e.getMessage().strip().replaceAll("\\s+", " ")); // SnakeYAML's span lines
      entries = Optional.empty();
    }
    parsed.put(blob.copy(), entries);
    return entries;
  }

  /** How many kustomization blobs have been parsed and are remembered. */
  int parsedBlobs() {
    return parsed.size();
  }

  /** The string entries of {@code resources}, {@code bases} and {@code components}, in order. */
  static List<String> parse(String yaml) {
    Yaml parser = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object document = parser.load(yaml);
    if (document == null) {
      return List.of(); // an empty file refers to nothing
    }
    if (!(document instanceof Map<?, ?> fields)) {
      throw new MalformedKustomization("not a mapping but " + document.getClass().getSimpleName());
    }
    List<String> entries = new ArrayList<>();
    for (String key : REFERENCE_KEYS) {
      Object value = fields.get(key);
      if (value == null) {
        continue;
      }
      if (!(value instanceof List<?> list)) {
        throw new MalformedKustomization(key + " is not a list");
      }
      for (Object item : list) {
        if (item instanceof String s && !s.isBlank()) {
          entries.add(s.strip());
        }
      }
    }
    return List.copyOf(entries);
  }

  /**
   * An entry resolved against the kustomization's directory, from the repository root; empty for a
   * remote reference or a path that leaves the repository.
   */
  static Optional<String> resolveLocal(String dir, String entry) {
    if (entry.contains("://") || entry.startsWith("git@") || entry.contains("?ref=")) {
      return Optional.empty();
    }
    if (entry.startsWith("/")) {
      return Optional.empty(); // absolute: a path on some machine, not in the repository
    }
    Deque<String> segments = new ArrayDeque<>();
    for (String segment : (dir + "/" + entry).split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (segments.isEmpty()) {
          return Optional.empty();
        }
        segments.removeLast();
      } else {
        segments.addLast(segment);
      }
    }
    return Optional.of(String.join("/", segments));
  }

  private static boolean isDirectory(ObjectReader reader, RevTree tree, String path) {
    if (path.isEmpty()) {
      return true;
    }
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      return walk != null && walk.getFileMode(0).equals(FileMode.TREE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }

  /** A kustomization that parses as YAML but not as a kustomization. */
  private static final class MalformedKustomization extends RuntimeException {
    MalformedKustomization(String message) {
      super(message);
    }
  }

  /** Walks into every directory and stops at files named like a kustomization. */
  private static final class KustomizationFiles extends TreeFilter {
    static final KustomizationFiles INSTANCE = new KustomizationFiles();

    @Override
    public boolean include(TreeWalk walker) {
      return walker.isSubtree() || FILE_NAMES.contains(walker.getNameString());
    }

    @Override
    public boolean shouldBeRecursive() {
      return true;
    }

    @Override
    public TreeFilter clone() {
      return this;
    }
  }
}
