package dev.opsjournal.collectors.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.DeletePath;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A real bare Git repository in a directory, written with JGit's object API: commits with exact
 * authors, times, parents and encodings, without a working tree (fast enough for thousands of files
 * or commits). Tests use it as the remote the collector fetches from, over {@code file://} or the
 * in-process HTTP server.
 */
final class GitFixture implements AutoCloseable {

  /** Times of commits without one: a second apart, so commit time order is creation order. */
  private static final Instant START = Instant.parse("2026-11-16T08:00:00Z");

  private final Repository repository;
  private final Path directory;
  private final String url;
  private int commits;

  private GitFixture(Repository repository, Path directory) {
    this.repository = repository;
    this.directory = directory;
    // Path.toUri() ends in "/" only while the directory exists: one URL, whatever happens to it
    this.url = directory.toAbsolutePath().toUri().toString().replaceAll("/+$", "");
  }

  /** A new bare repository whose {@code HEAD} is {@code main}. */
  static GitFixture create(Path directory) {
    return create(directory, "main");
  }

  static GitFixture create(Path directory, String defaultBranch) {
    try {
      Git git =
          Git.init()
              .setBare(true)
              .setInitialBranch(defaultBranch)
              .setDirectory(directory.toFile())
              .call();
      return new GitFixture(git.getRepository(), directory);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code file://} URL of the repository. */
  String url() {
    return url;
  }

  Path directory() {
    return directory;
  }

  Repository repository() {
    return repository;
  }

  /** A commit on {@code main}, on top of its head. */
  Commit commit() {
    return commit("main");
  }

  Commit commit(String branch) {
    return new Commit(branch);
  }

  /** The head of a branch, or null. */
  String head(String branch) {
    try {
      ObjectId id = repository.resolve(Constants.R_HEADS + branch);
      return id == null ? null : id.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a branch anywhere, as a force push does. */
  void forceBranch(String branch, String sha) {
    try {
      RefUpdate update = repository.updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(ObjectId.fromString(sha));
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.IO_FAILURE) {
        throw new IllegalStateException("cannot move " + branch + ": " + result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points {@code HEAD} at another branch (the remote's default branch). */
  void setDefaultBranch(String branch) {
    try {
      repository.updateRef(Constants.HEAD).link(Constants.R_HEADS + branch);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  RevCommit parse(String sha) {
    try (RevWalk walk = new RevWalk(repository)) {
      return walk.parseCommit(ObjectId.fromString(sha));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    repository.close();
  }

  /** A commit being described; {@link #create()} writes it and moves the branch to it. */
  final class Commit {
    private final String branch;
    private final Map<String, Object> edits = new LinkedHashMap<>();
    private final List<String> extraParents = new ArrayList<>();
    private String firstParent;
    private boolean root;
    private PersonIdent author;
    private PersonIdent committer;
    private String message;
    private byte[] rawMessage;
    private Charset encoding = StandardCharsets.UTF_8;

    private Commit(String branch) {
      this.branch = branch;
      this.firstParent = head(branch);
    }

    /** Author and committer: {@code <name>@example.com} at that instant, UTC. */
    Commit by(String name, Instant when) {
      this.author = new PersonIdent(name, name + "@example.com", when, ZoneOffset.UTC);
      this.committer = author;
      return this;
    }

    Commit committer(String name, Instant when) {
      this.committer = new PersonIdent(name, name + "@example.com", when, ZoneOffset.UTC);
      return this;
    }

    Commit message(String message) {
      this.message = message;
      return this;
    }

    /** The message in {@code encoding}, with the {@code encoding} header Git writes for it. */
    Commit message(String message, Charset encoding) {
      this.message = message;
      this.encoding = encoding;
      return this;
    }

    /** Message bytes written as they are, with no {@code encoding} header. */
    Commit rawMessage(byte[] bytes) {
      this.rawMessage = bytes.clone();
      return this;
    }

    Commit put(String path, String content) {
      edits.put(path, content.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    Commit remove(String path) {
      edits.put(path, Removal.INSTANCE);
      return this;
    }

    /** Moves a file with its content unchanged. */
    Commit rename(String from, String to) {
      edits.put(to, new Move(from));
      edits.put(from, Removal.INSTANCE);
      return this;
    }

    /** Builds on another commit than the branch's head (a rewritten history). */
    Commit on(String sha) {
      this.firstParent = sha;
      this.root = sha == null;
      return this;
    }

    Commit merging(String sha) {
      extraParents.add(sha);
      return this;
    }

    String create() {
      commits++;
      Instant when = START.plusSeconds(commits);
      PersonIdent a =
          author != null
              ? author
              : new PersonIdent("tester", "tester@example.com", when, ZoneOffset.UTC);
      PersonIdent c = committer != null ? committer : a;
      String parent = root ? null : firstParent;
      try (ObjectInserter inserter = repository.newObjectInserter();
          ObjectReader reader = repository.newObjectReader()) {
        ObjectId tree = tree(inserter, reader, parent);
        List<ObjectId> parents = new ArrayList<>();
        if (parent != null) {
          parents.add(ObjectId.fromString(parent));
        }
        extraParents.forEach(p -> parents.add(ObjectId.fromString(p)));
        ObjectId id;
        if (rawMessage != null) {
          id = inserter.insert(Constants.OBJ_COMMIT, rawCommit(tree, parents, a, c));
        } else {
          CommitBuilder commit = new CommitBuilder();
          commit.setTreeId(tree);
          commit.setParentIds(parents);
          commit.setAuthor(a);
          commit.setCommitter(c);
          commit.setEncoding(encoding);
          commit.setMessage(message == null ? "commit " + commits : message);
          id = inserter.insert(commit);
        }
        inserter.flush();
        forceBranch(branch, id.name());
        return id.name();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private ObjectId tree(ObjectInserter inserter, ObjectReader reader, String parent)
        throws IOException {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      ObjectId parentTree = null;
      if (parent != null) {
        try (RevWalk walk = new RevWalk(reader)) {
          parentTree = walk.parseCommit(ObjectId.fromString(parent)).getTree();
        }
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, parentTree);
      }
      builder.finish();
      DirCacheEditor editor = index.editor();
      for (Map.Entry<String, Object> edit : edits.entrySet()) {
        String path = edit.getKey();
        if (edit.getValue() == Removal.INSTANCE) {
          editor.add(new DeletePath(path));
          continue;
        }
        ObjectId blob;
        if (edit.getValue() instanceof Move move) {
          try (TreeWalk walk = TreeWalk.forPath(reader, move.from(), parentTree)) {
            blob = walk.getObjectId(0);
          }
        } else {
          blob = inserter.insert(Constants.OBJ_BLOB, (byte[]) edit.getValue());
        }
        editor.add(
            new PathEdit(path) {
              @Override
              public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
              }
            });
      }
      editor.finish();
      return index.writeTree(inserter);
    }

    private byte[] rawCommit(
        ObjectId tree, List<ObjectId> parents, PersonIdent author, PersonIdent committer)
        throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      StringBuilder header = new StringBuilder();
      header.append("tree ").append(tree.name()).append('\n');
      parents.forEach(p -> header.append("parent ").append(p.name()).append('\n'));
      header.append("author ").append(author.toExternalString()).append('\n');
      header.append("committer ").append(committer.toExternalString()).append('\n');
      header.append('\n');
      out.write(header.toString().getBytes(StandardCharsets.UTF_8));
      out.write(rawMessage);
      return out.toByteArray();
    }
  }

  private enum Removal {
    INSTANCE
  }

  private record Move(String from) {}
}
