package dev.opsjournal.collectors.git;

import dev.opsjournal.core.observation.HistoryRewriteObserved;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A branch moved from {@code oldHead} to a head that does not contain it.
 *
 * @param unreachable the commits only the old head reached, oldest first; the newest {@link
 *     #MAX_UNREACHABLE} of them when there are more
 * @param unreachableCount how many there are in all
 * @param mergeBase where the new history leaves the old one; null when they share nothing
 */
record ForcePush(
    ObjectId oldHead,
    ObjectId newHead,
    List<ObjectId> unreachable,
    int unreachableCount,
    ObjectId mergeBase) {

  /**
   * The most unreachable commits one force push reports: 20,000 shas of 43 bytes keep the
   * observation under the ingest's 1 MiB. The newest are kept: they are the ones that may have run.
   */
  static final int MAX_UNREACHABLE = 20_000;

  ForcePush {
    unreachable = List.copyOf(unreachable);
  }

  static ForcePush between(Repository repo, ObjectId oldHead, ObjectId newHead) throws IOException {
    return between(repo, oldHead, newHead, MAX_UNREACHABLE);
  }

  static ForcePush between(Repository repo, ObjectId oldHead, ObjectId newHead, int max)
      throws IOException {
    List<ObjectId> lost = HistoryWalk.commits(repo, oldHead, newHead);
    List<ObjectId> kept = lost.size() > max ? lost.subList(lost.size() - max, lost.size()) : lost;
    return new ForcePush(
        oldHead, newHead, kept, lost.size(), HistoryWalk.mergeBase(repo, oldHead, newHead));
  }

  /** Whether {@link #unreachable} leaves out the oldest ones. */
  boolean capped() {
    return unreachableCount > unreachable.size();
  }

  HistoryRewriteObserved observation(String repoUrl, String branch, Instant observedAt) {
    return new HistoryRewriteObserved(
        repoUrl,
        branch,
        observedAt,
        oldHead.name(),
        newHead.name(),
        unreachable.stream().map(ObjectId::name).toList());
  }
}
