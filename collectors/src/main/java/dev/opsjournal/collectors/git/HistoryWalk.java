package dev.opsjournal.collectors.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * How a branch moved since the last published commit, and which commits lie between two heads, read
 * from the clone's objects alone (nothing is fetched or written here).
 */
final class HistoryWalk {

  /** How the fetched head relates to the last published commit. */
  enum Step {
    /** The head is the published commit: nothing to do. */
    UNCHANGED,
    /** The published commit is an ancestor of the head: publish what follows it. */
    FAST_FORWARD,
    /** A force push: the published commit is in the clone but no longer on the branch. */
    REWRITTEN,
    /**
     * The published commit is not even in the clone: a fetch brings every ancestor of the head, so
     * it left the branch while the clone holding it was lost.
     */
    LOST
  }

  private HistoryWalk() {}

  static Step step(Repository repo, ObjectId published, ObjectId head) throws IOException {
    if (published.equals(head)) {
      return Step.UNCHANGED;
    }
    if (!repo.getObjectDatabase().has(published)) {
      return Step.LOST;
    }
    return isAncestor(repo, published, head) ? Step.FAST_FORWARD : Step.REWRITTEN;
  }

  /**
   * The commits reachable from {@code from} and not from {@code except} (none: all of them), oldest
   * first: parents before children, the first-parent line and merged branches in commit time order.
   */
  static List<ObjectId> commits(Repository repo, ObjectId from, ObjectId except)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRetainBody(false); // only the order here; each commit is read on its own later
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.COMMIT_TIME_DESC, true);
      walk.sort(RevSort.REVERSE, true);
      walk.markStart(walk.parseCommit(from));
      if (except != null) {
        walk.markUninteresting(walk.parseCommit(except));
      }
      List<ObjectId> commits = new ArrayList<>();
      for (RevCommit commit : walk) {
        commits.add(commit.copy());
      }
      return commits;
    }
  }

  /** The newest common ancestor of two commits; null for unrelated histories. */
  static ObjectId mergeBase(Repository repo, ObjectId a, ObjectId b) throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(a));
      walk.markStart(walk.parseCommit(b));
      RevCommit base = walk.next();
      return base == null ? null : base.copy();
    }
  }

  private static boolean isAncestor(Repository repo, ObjectId ancestor, ObjectId head)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ancestor), walk.parseCommit(head));
    }
  }
}
