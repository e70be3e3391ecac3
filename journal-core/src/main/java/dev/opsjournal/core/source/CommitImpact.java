package dev.opsjournal.core.source;

import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.core.observation.ArgoSource;
import dev.opsjournal.core.observation.CommitObserved;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which Applications a commit reaches: those whose source path (in the same repository and branch)
 * holds a changed file, directly or through the directories its {@code kustomization.yaml} refers
 * to, transitively. A change to {@code base/} reaches every overlay that refers to it. Every Git
 * source of a multi-source Application counts; a Helm chart's never does (its revisions are chart
 * versions), and a source that only lends value files ({@code ref}, no path) is reached by any
 * change to its repository and branch, as Argo CD refreshes on any new revision of it.
 */
public final class CommitImpact {

  private CommitImpact() {}

  public static List<String> affectedApplications(
      CommitObserved commit, Map<String, ApplicationSource> applications) {
    return applications.entrySet().stream()
        .filter(
            app ->
                app.getValue().gitSources().stream()
                    .anyMatch(
                        source ->
                            sameSource(commit, source)
                                && reaches(commit, normalise(source.path()))))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  static boolean reaches(CommitObserved commit, String appPath) {
    Set<String> directories = reachableDirectories(appPath, commit.kustomizations());
    return commit.changedPaths().stream()
        .flatMap(
            p -> p.oldPath().isEmpty() ? Stream.of(p.path()) : Stream.of(p.path(), p.oldPath()))
        .map(CommitImpact::normalise)
        .anyMatch(path -> directories.stream().anyMatch(dir -> isUnder(path, dir)));
  }

  /** The application's directory and every directory its kustomizations refer to, transitively. */
  static Set<String> reachableDirectories(
      String appPath, Map<String, List<String>> kustomizations) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(appPath));
    while (!todo.isEmpty()) {
      String dir = todo.pop();
      if (seen.add(dir)) {
        kustomizations.getOrDefault(dir, List.of()).stream()
            .map(CommitImpact::normalise)
            .forEach(todo::push);
      }
    }
    return seen;
  }

  static boolean sameSource(CommitObserved commit, ArgoSource source) {
    if (!RepositoryIdentity.same(commit.repoUrl(), source.repoUrl())) {
      return false;
    }
    String target = source.targetRevision();
    return ((target.isEmpty() || target.equals("HEAD")) && commit.defaultBranch())
        || target.equals(commit.branch())
        || target.equals("refs/heads/" + commit.branch());
  }

  /**
   * A path from the repository root without leading "./" or "/" or a trailing "/"; "" is the root.
   */
  static String normalise(String path) {
    String p = path.strip();
    while (p.startsWith("./") || p.startsWith("/")) {
      p = p.substring(p.startsWith("./") ? 2 : 1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.equals(".") ? "" : p;
  }

  private static boolean isUnder(String path, String dir) {
    return dir.isEmpty() || path.equals(dir) || path.startsWith(dir + "/");
  }
}
