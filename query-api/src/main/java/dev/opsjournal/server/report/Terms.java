package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.code;

import dev.opsjournal.core.observation.OperationPhase;
import dev.opsjournal.server.api.Human;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Sync;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Argo CD's and Git's things as the journal names them, the same in every section: a commit, a Git
 * source, an Application's source and sync policy, a sync, a desired field and its value.
 */
final class Terms {

  /** The path of a container's image among an object's desired fields. */
  static final Pattern CONTAINER_IMAGE =
      Pattern.compile("spec\\.template\\.spec\\.(?:initC|c)ontainers\\[name=([^]]+)]\\.image");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private Terms() {}

  /** A commit id, abbreviated as every surface abbreviates it. */
  static String sha(String sha) {
    return code(Human.revision(sha));
  }

  /** {@code <repoUrl>#<branch>} as {@code `repoUrl` branch `main`}. */
  static String gitSource(String source) {
    int hash = source.lastIndexOf('#');
    return hash < 0
        ? code(source)
        : code(source.substring(0, hash)) + " branch " + code(source.substring(hash + 1));
  }

  /** The repository of a Git source, without its branch. */
  static String repository(String source) {
    int hash = source.lastIndexOf('#');
    return hash < 0 ? source : source.substring(0, hash);
  }

  /** {@code platform.git main}: a Git source short enough for a chart. */
  static String shortSource(String source) {
    int hash = source.lastIndexOf('#');
    String repo = repository(source).replaceAll("/+$", "");
    return repo.substring(repo.lastIndexOf('/') + 1)
        + (hash < 0 ? "" : " " + source.substring(hash + 1));
  }

  /** Where an Application deploys to: Applications with one key deploy to the same place. */
  static String destinationKey(Spec spec) {
    return spec.destinationServer()
        + "|"
        + spec.destinationName()
        + "|"
        + spec.destinationNamespace();
  }

  /** The cluster an Application deploys to, by name when it has one. */
  static String cluster(Spec spec) {
    return spec.destinationName().isEmpty() ? spec.destinationServer() : spec.destinationName();
  }

  /** An Application's source and destination, as one phrase. */
  static String source(Spec spec) {
    return code(spec.path().isEmpty() ? "/" : spec.path())
        + " of "
        + code(spec.repoUrl())
        + " at "
        + code(spec.targetRevision().isEmpty() ? "HEAD" : spec.targetRevision())
        + ", deployed to namespace "
        + code(spec.destinationNamespace())
        + " on "
        + code(cluster(spec));
  }

  static String syncPolicy(Spec spec) {
    if (!spec.automated()) {
      return "synced by hand";
    }
    List<String> with = new ArrayList<>();
    if (spec.selfHeal()) {
      with.add("self-heal");
    }
    if (spec.prune()) {
      with.add("prune");
    }
    return "automated sync" + (with.isEmpty() ? "" : " with " + Prose.join(with));
  }

  /** {@code auto-sync}, {@code self-heal}, {@code sync by `alice`}. */
  static String syncKind(Sync s) {
    if (s.automated()) {
      return s.partial() ? "self-heal" : "auto-sync";
    }
    return (s.partial() ? "partial sync by " : "sync by ") + code(s.initiatedBy());
  }

  /** {@code partial sync to `0123456`}. */
  static String syncDescription(Sync s) {
    return (s.partial() ? "partial sync" : "sync")
        + (s.automated() ? "" : " by " + code(s.initiatedBy()))
        + " to "
        + sha(s.revision());
  }

  static boolean failed(Sync s) {
    return OperationPhase.of(s.phase()).failed();
  }

  /** A drifted field in a sentence: {@code the image of container `web`}. */
  static String fieldDescription(String path) {
    Matcher image = CONTAINER_IMAGE.matcher(path);
    return image.matches() ? "the image of container " + code(image.group(1)) : code(path);
  }

  /** A deployed value: a number as it is, anything else as code. */
  static String value(String value) {
    return DIGITS.matcher(value).matches() ? value : code(value);
  }

  /** Values in the order they were deployed: {@code 1 → 2}. */
  static String values(List<String> values) {
    return values.stream().map(Terms::value).collect(Collectors.joining(" → "));
  }
}
