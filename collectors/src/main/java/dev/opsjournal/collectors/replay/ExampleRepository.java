package dev.opsjournal.collectors.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Git repository of a bundled example, kept as files on the class path: {@code
 * examples/<name>/platform/commits.yaml} lists each commit's author, time, message and the files it
 * adds, read from the commit's directory beside it. Built from fixed content and times, so the
 * repository {@link #create(Path)} builds always has the same shas, those the example's capture
 * names.
 */
public final class ExampleRepository {

  private static final String ROOT = "examples/%s/platform/";

  /** One commit: who (also the committer), when, what message, and the files it adds. */
  public record Commit(String author, Instant at, String message, Map<String, String> files) {}

  private final String url;
  private final String branch;
  private final List<Commit> commits;

  private ExampleRepository(String url, String branch, List<Commit> commits) {
    this.url = url;
    this.branch = branch;
    this.commits = commits;
  }

  /** The repository of the bundled example {@code name} (e.g. {@code week-02}). */
  public static ExampleRepository load(String name) {
    String root = ROOT.formatted(name);
    Map<String, Object> manifest = yaml(resource(root + "commits.yaml"));
    List<Commit> commits = new ArrayList<>();
    for (Object entry : (List<?>) manifest.get("commits")) {
      Map<?, ?> commit = (Map<?, ?>) entry;
      String directory = root + commit.get("directory") + "/";
      Map<String, String> files = new LinkedHashMap<>();
      for (Object file : (List<?>) commit.get("files")) {
        files.put((String) file, resource(directory + file));
      }
      commits.add(
          new Commit(
              (String) commit.get("author"),
              Instant.parse((String) commit.get("at")),
              (String) commit.get("message"),
              files));
    }
    return new ExampleRepository(
        (String) manifest.get("url"), (String) manifest.get("branch"), List.copyOf(commits));
  }

  /** The URL the example's Applications name as their {@code repoURL}. */
  public String url() {
    return url;
  }

  public String branch() {
    return branch;
  }

  /** The commits, oldest first, as the files hold them. */
  public List<Commit> commits() {
    return commits;
  }

  /**
   * Builds the repository as a bare one in {@code directory} unless it is there; returns its shas,
   * oldest first.
   */
  public List<String> create(Path directory) {
    try {
      if (Files.exists(directory.resolve("HEAD"))) {
        try (Git git = Git.open(directory.toFile())) {
          return shas(git.getRepository());
        }
      }
      Files.createDirectories(directory.toAbsolutePath().getParent());
      try (Git git =
          Git.init()
              .setBare(true)
              .setInitialBranch(branch)
              .setDirectory(directory.toFile())
              .call()) {
        Repository repository = git.getRepository();
        Map<String, String> tree = new TreeMap<>();
        ObjectId parent = null;
        for (Commit commit : commits) {
          tree.putAll(commit.files());
          parent = commit(repository, tree, parent, commit);
        }
        return shas(repository);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the example repository in " + directory, e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot build the example repository in " + directory, e);
    }
  }

  private List<String> shas(Repository repository) throws IOException {
    List<String> shas = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      walk.sort(RevSort.REVERSE);
      walk.markStart(walk.parseCommit(repository.resolve(Constants.R_HEADS + branch)));
      walk.forEach(c -> shas.add(c.name()));
    }
    return shas;
  }

  private ObjectId commit(
      Repository repository, Map<String, String> files, ObjectId parent, Commit commit)
      throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, String> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(
            inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
      }
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      PersonIdent person =
          new PersonIdent(
              commit.author(), commit.author() + "@example.com", commit.at(), ZoneOffset.UTC);
      CommitBuilder made = new CommitBuilder();
      made.setTreeId(tree);
      if (parent != null) {
        made.setParentId(parent);
      }
      made.setAuthor(person);
      made.setCommitter(person);
      made.setMessage(commit.message());
      ObjectId id = inserter.insert(made);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(id);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.IO_FAILURE) {
        throw new IOException("cannot move " + branch + ": " + result);
      }
      return id;
    }
  }

  private static String resource(String name) {
    try (InputStream in = ExampleRepository.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the example file " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the example file " + name, e);
    }
  }

  private static Map<String, Object> yaml(String text) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
  }
}
