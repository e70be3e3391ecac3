package dev.opsjournal.server.report;

import dev.opsjournal.core.source.RepositoryIdentity;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Environment families: the Applications that deploy the same thing to different places, which the
 * journal compares side by side. A family is a repository (compared as {@link RepositoryIdentity}
 * compares them) and a path without its environment.
 */
final class Families {

  /** Path segments under which Kustomize-style layouts keep one directory per environment. */
  private static final Set<String> ENVIRONMENT_DIRECTORIES =
      Set.of("overlays", "envs", "environments", "env", "stages");

  /** Last path segments that name an environment. */
  private static final Set<String> ENVIRONMENT_NAMES =
      Set.of(
          "dev",
          "develop",
          "development",
          "test",
          "testing",
          "qa",
          "int",
          "integration",
          "staging",
          "stage",
          "stg",
          "uat",
          "preprod",
          "pre-prod",
          "prod",
          "production",
          "live",
          "sandbox");

  private Families() {}

  /**
   * The family of an Application: its repository and its {@link #familyPath path without the
   * environment}. {@code apps/web/overlays/dev} and {@code apps/web/overlays/prod} of one
   * repository are the family {@code apps/web}; Applications with the very same path (one chart,
   * several destinations) are one family; {@code apps/web} and {@code apps/api} are not.
   */
  static String family(Spec spec) {
    return RepositoryIdentity.of(spec.repoUrl()) + "#" + familyPath(spec.path());
  }

  /**
   * The path of a family, as written in its heading: {@code apps/web}. The last segment is dropped
   * when its parent is an environment directory ({@code overlays}, {@code envs}, {@code
   * environments}, {@code env}, {@code stages}) or when it names an environment ({@code dev},
   * {@code staging}, {@code prod}, ...), and then the environment directory too.
   */
  static String familyPath(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.strip().split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        segments.add(s);
      }
    }
    int n = segments.size();
    if (n >= 1
        && (isEnvironmentName(segments.get(n - 1))
            || n >= 2 && isEnvironmentDirectory(segments.get(n - 2)))) {
      segments.remove(--n);
      if (n >= 1 && isEnvironmentDirectory(segments.get(n - 1))) {
        segments.remove(--n);
      }
    }
    return String.join("/", segments);
  }

  /** Applications grouped by {@link #family}, in the order of their first member. */
  static List<List<Environment>> of(List<Environment> environments) {
    Map<String, List<Environment>> families = new LinkedHashMap<>();
    environments.forEach(
        e -> families.computeIfAbsent(family(e.spec()), k -> new ArrayList<>()).add(e));
    return List.copyOf(families.values());
  }

  private static boolean isEnvironmentName(String segment) {
    return ENVIRONMENT_NAMES.contains(segment.toLowerCase(Locale.ROOT));
  }

  private static boolean isEnvironmentDirectory(String segment) {
    return ENVIRONMENT_DIRECTORIES.contains(segment.toLowerCase(Locale.ROOT));
  }
}
