package dev.opsjournal.collectors.git;

import dev.opsjournal.core.observation.CommitObserved;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one commit of a repository as a {@link CommitObserved}: who and when, the full message, the
 * paths changed against the first parent (renames and copies detected; every file of a root commit
 * as added; none for an empty commit) and the Kustomize reference graph of its tree.
 *
 * <p>An observation stays under the ingest's 1 MiB: at most {@code maxChangedPaths} paths, fewer if
 * long paths would not fit, and a message cut at {@value #MAX_MESSAGE_CHARS} characters.
 */
final class CommitReader implements AutoCloseable {

  /** The ingest refuses larger observations (dead-lettered, so the commit would be lost). */
  static final int MAX_OBSERVATION_BYTES = 1 << 20;

  /** A commit message longer than this is no message but a pasted log; the rest is cut. */
  static final int MAX_MESSAGE_CHARS = 128 * 1024;

  /** Room for the other fields and for JSON escaping, on top of what is counted. */
  private static final int HEADROOM_BYTES = 64 * 1024;

  /** The JSON around one changed path: {@code {"change":"RENAME","path":"","oldPath":""},}. */
  private static final int PATH_JSON_BYTES = 48;

  /** Reference graphs of the last commits read: a child that only modifies files reuses one. */
  private static final int RECENT_GRAPHS = 16;

  private static final Logger log = LoggerFactory.getLogger(CommitReader.class);

  private final ObjectReader reader;
  private final DiffFormatter diff;
  private final KustomizationResolver kustomizations;
  private final int maxChangedPaths;
  private final Map<ObjectId, Map<String, List<String>>> recentGraphs =
      new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, Map<String, List<String>>> e) {
          return size() > RECENT_GRAPHS;
        }
      };

  CommitReader(Repository repository, KustomizationResolver kustomizations, int maxChangedPaths) {
    this.reader = repository.newObjectReader();
    this.diff = new DiffFormatter(DisabledOutputStream.INSTANCE);
    this.diff.setReader(reader, repository.getConfig());
    this.diff.setDiffComparator(RawTextComparator.DEFAULT);
    // exact renames are always found; content similarity stops at diff.renameLimit (400) files
    this.diff.setDetectRenames(true);
    this.kustomizations = kustomizations;
    this.maxChangedPaths = maxChangedPaths;
  }

  /** The observation of commit {@code id}, as seen on {@code repoUrl}'s {@code branch}. */
  CommitObserved read(
      AnyObjectId id, String repoUrl, String branch, boolean defaultBranch, Instant observedAt)
      throws IOException {
    // a walk per commit: a walk keeps every object it parsed, and histories can be long
    try (RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(id);
      RevTree parentTree =
          commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0)).getTree();
      List<DiffEntry> changes = diff.scan(parentTree, commit.getTree());
      Map<String, List<String>> graph = graph(commit, changes);
      String message = message(commit);
      return new CommitObserved(
          repoUrl,
          branch,
          defaultBranch,
          observedAt,
          commit.name(),
          Arrays.stream(commit.getParents()).map(RevCommit::name).toList(),
          person(commit.getAuthorIdent()),
          person(commit.getCommitterIdent()),
          message,
          changedPaths(commit, changes, budget(message, graph)),
          graph);
    }
  }

  private Map<String, List<String>> graph(RevCommit commit, List<DiffEntry> changes)
      throws IOException {
    Map<String, List<String>> parentGraph =
        commit.getParentCount() == 0 ? null : recentGraphs.get(commit.getParent(0));
    Map<String, List<String>> graph;
    if (parentGraph != null && changes.stream().allMatch(CommitReader::keepsReferences)) {
      graph = parentGraph; // same directories, same kustomizations: same graph
    } else {
      graph = kustomizations.resolve(reader, commit.getTree(), commit.name());
    }
    recentGraphs.put(commit.copy(), graph);
    return graph;
  }

  /** A change that cannot alter the graph: new content of a file that is no kustomization. */
  private static boolean keepsReferences(DiffEntry change) {
    if (change.getChangeType() != ChangeType.MODIFY) {
      return false; // adds, deletes and renames can make or remove directories
    }
    String path = change.getNewPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return !KustomizationResolver.FILE_NAMES.contains(name);
  }

  /** The bytes left for changed paths once the message and the graph are counted. */
  private static int budget(String message, Map<String, List<String>> graph) {
    int used = HEADROOM_BYTES + utf8Length(message);
    for (Map.Entry<String, List<String>> entry : graph.entrySet()) {
      used += utf8Length(entry.getKey()) + 8;
      for (String dir : entry.getValue()) {
        used += utf8Length(dir) + 4;
      }
    }
    return Math.max(0, MAX_OBSERVATION_BYTES - used);
  }

  private List<ChangedPath> changedPaths(RevCommit commit, List<DiffEntry> changes, int budget) {
    List<ChangedPath> paths = new ArrayList<>(Math.min(changes.size(), maxChangedPaths));
    int bytes = 0;
    for (DiffEntry change : changes) {
      ChangedPath path = changedPath(change);
      bytes += PATH_JSON_BYTES + utf8Length(path.path()) + utf8Length(path.oldPath());
      if (paths.size() == maxChangedPaths || bytes > budget) {
        // the journal sees the first paths; a commit this size reaches most Applications anyway
        log.warn(
            "Commit {} changes {} paths: publishing the first {} (max-changed-paths {}, 1 MiB"
                + " per observation)",
            commit.name(),
            changes.size(),
            paths.size(),
            maxChangedPaths);
        break;
      }
      paths.add(path);
    }
    return paths;
  }

  private static ChangedPath changedPath(DiffEntry change) {
    return switch (change.getChangeType()) {
      case ADD, MODIFY -> new ChangedPath(change.getChangeType().name(), change.getNewPath(), "");
      case DELETE -> new ChangedPath("DELETE", change.getOldPath(), "");
      case RENAME, COPY ->
          new ChangedPath(change.getChangeType().name(), change.getNewPath(), change.getOldPath());
    };
  }

  /**
   * The full message, decoded by JGit: per the commit's {@code encoding} header, else as UTF-8,
   * falling back to ISO-8859-1 for bytes that are not UTF-8 (so no message is ever unreadable).
   */
  private static String message(RevCommit commit) {
    String message = commit.getFullMessage();
    if (message.length() > MAX_MESSAGE_CHARS) {
      log.warn(
          "Commit {} has a message of {} characters: publishing the first {}",
          commit.name(),
          message.length(),
          MAX_MESSAGE_CHARS);
      int end = MAX_MESSAGE_CHARS;
      if (Character.isHighSurrogate(message.charAt(end - 1))) {
        end--; // never split a character in two
      }
      return message.substring(0, end);
    }
    return message;
  }

  private static Person person(PersonIdent ident) {
    String name = ident.getName();
    String email = ident.getEmailAddress();
    if (name == null || name.isBlank()) {
      // Git allows an empty name; the contract needs one, and a commit must never block the rest
      name = email == null || email.isBlank() ? "unknown" : email;
    }
    return new Person(name, email, ident.getWhenAsInstant());
  }

  private static int utf8Length(String text) {
    // exact only when needed: most paths and messages are ASCII
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return length;
  }

  @Override
  public void close() {
    diff.close();
    reader.close();
  }
}
