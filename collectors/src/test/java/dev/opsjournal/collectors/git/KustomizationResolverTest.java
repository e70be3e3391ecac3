package dev.opsjournal.collectors.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.error.YAMLException;

/** The Kustomize reference graph of real trees made with JGit. */
class KustomizationResolverTest {

  private static final String BASE = "apps/web/base";
  private static final String DEV = "apps/web/overlays/dev";

  @TempDir Path dir;
  private GitFixture git;
  private final KustomizationResolver resolver = new KustomizationResolver();

  @BeforeEach
  void createRepository() {
    git = GitFixture.create(dir.resolve("remote.git"));
  }

  @AfterEach
  void closeRepository() {
    git.close();
  }

  @Test
  void givenAnOverlayOfABase_whenResolved_thenTheOverlayMapsToTheBaseFromTheRepositoryRoot()
      throws IOException {
    String sha =
        git.commit()
            .put(BASE + "/kustomization.yaml", "resources:\n  - deployment.yaml\n")
            .put(BASE + "/deployment.yaml", "kind: Deployment\n")
            .put(DEV + "/kustomization.yaml", "resources:\n  - ../../base\n")
            .create();

    assertThat(resolve(sha)).containsOnly(entry(BASE, List.of()), entry(DEV, List.of(BASE)));
  }

  @Test
  void givenResourcesBasesAndComponents_whenResolved_thenEveryDirectoryIsFollowedInOrder()
      throws IOException {
    String sha =
        git.commit()
            .put(BASE + "/kustomization.yaml", "resources: [deployment.yaml]\n")
            .put(BASE + "/deployment.yaml", "kind: Deployment\n")
            .put("apps/web/legacy/kustomization.yaml", "resources: []\n")
            .put("components/tls/kustomization.yaml", "kind: Component\n")
            .put("apps/web/overlays/dev/extra/kustomization.yaml", "resources: []\n")
            .put(
                DEV + "/kustomization.yaml",
                """
                resources:
                  - ../../base
                  - ./extra/
                  - patch.yaml
                bases:
                  - ../../legacy
                components:
                  - ../../../../components/tls
                """)
            .put(DEV + "/patch.yaml", "kind: Deployment\n")
            .create();

    assertThat(resolve(sha))
        .containsEntry(DEV, List.of(BASE, DEV + "/extra", "apps/web/legacy", "components/tls"));
  }

  @Test
  void givenRemoteAndMissingReferences_whenResolved_thenOnlyDirectoriesOfTheTreeRemain()
      throws IOException {
    String sha =
        git.commit()
            .put(BASE + "/kustomization.yaml", "resources: []\n")
            .put(
                DEV + "/kustomization.yaml",
                """
                resources:
                  - github.com/kubernetes-sigs/kustomize/examples/multibases?ref=v1.0.6
                  - https://github.com/argoproj/argo-cd//manifests/cluster-install?ref=stable
                  - git@github.com:org/repo.git//base
                  - https://raw.githubusercontent.com/org/repo/main/deployment.yaml
                  - ../../missing
                  - ../../../../../../outside
                  - /etc/absolute
                  - ../../base
                """)
            .create();

    assertThat(resolve(sha)).containsEntry(DEV, List.of(BASE));
  }

  @Test
  void givenEveryFileNameKustomizeReads_whenResolved_thenEachDirectoryIsFound() throws IOException {
    String sha =
        git.commit()
            .put("a/kustomization.yaml", "resources: [../shared]\n")
            .put("b/kustomization.yml", "resources: [../shared]\n")
            .put("c/Kustomization", "resources: [../shared]\n")
            .put("shared/kustomization.yaml", "resources: []\n")
            .put("d/not-a-kustomization.yaml", "resources: [../shared]\n")
            .create();

    assertThat(resolve(sha))
        .containsOnly(
            entry("a", List.of("shared")),
            entry("b", List.of("shared")),
            entry("c", List.of("shared")),
            entry("shared", List.of()));
  }

  @Test
  void givenTwoKustomizationFilesInOneDirectory_whenResolved_thenKustomizationYamlWins()
      throws IOException {
    String sha =
        git.commit()
            .put("app/kustomization.yml", "resources: [../old]\n")
            .put("app/kustomization.yaml", "resources: [../new]\n")
            .put("old/kustomization.yaml", "resources: []\n")
            .put("new/kustomization.yaml", "resources: []\n")
            .create();

    assertThat(resolve(sha)).containsEntry("app", List.of("new"));
  }

  @Test
  void givenOneMalformedKustomization_whenResolved_thenItIsSkippedAndTheOthersResolve()
      throws IOException {
    String sha =
        git.commit()
            .put(BASE + "/kustomization.yaml", "resources: []\n")
            .put(DEV + "/kustomization.yaml", "resources:\n  - ../../base\n")
            .put("apps/web/overlays/broken/kustomization.yaml", "resources: [../../base\n  - : :")
            .put("apps/web/overlays/scalar/kustomization.yaml", "just a string")
            .put("apps/web/overlays/wrong/kustomization.yaml", "resources: ../../base\n")
            .create();

    assertThat(resolve(sha)).containsOnly(entry(BASE, List.of()), entry(DEV, List.of(BASE)));
  }

  @Test
  void givenAnUnchangedKustomizationAcrossCommits_whenResolved_thenItsBlobIsParsedOnce()
      throws IOException {
    String first =
        git.commit()
            .put(BASE + "/kustomization.yaml", "resources: []\n")
            .put(DEV + "/kustomization.yaml", "resources: [../../base]\n")
            .create();
    String second = git.commit().put("README.md", "hello\n").create();

    resolve(first);
    assertThat(resolver.parsedBlobs()).isEqualTo(2);
    assertThat(resolve(second)).containsEntry(DEV, List.of(BASE));
    assertThat(resolver.parsedBlobs()).isEqualTo(2);
  }

  @Test
  void givenEntries_whenResolvedLocally_thenDotsAreNormalisedAndEscapesRefused() {
    assertThat(KustomizationResolver.resolveLocal("apps/a/overlays/dev", "../../base"))
        .contains("apps/a/base");
    assertThat(KustomizationResolver.resolveLocal("apps/a", "./x//y/")).contains("apps/a/x/y");
    assertThat(KustomizationResolver.resolveLocal("", "base")).contains("base");
    assertThat(KustomizationResolver.resolveLocal("a", "..")).contains("");
    assertThat(KustomizationResolver.resolveLocal("a", "../..")).isEmpty();
    assertThat(KustomizationResolver.resolveLocal("a", "https://example.com/x")).isEmpty();
  }

  @Test
  void givenAKustomizationThatIsNoMapping_whenParsed_thenItIsMalformed() {
    assertThat(KustomizationResolver.parse("")).isEmpty();
    assertThat(KustomizationResolver.parse("resources: [a, {b: c}, '', d]\n"))
        .containsExactly("a", "d");
    assertThatThrownBy(() -> KustomizationResolver.parse("- a\n- b\n"))
        .isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> KustomizationResolver.parse("resources: [a\n"))
        .isInstanceOf(YAMLException.class);
  }

  private Map<String, List<String>> resolve(String sha) throws IOException {
    try (ObjectReader reader = git.repository().newObjectReader();
        RevWalk walk = new RevWalk(reader)) {
      return resolver.resolve(reader, walk.parseCommit(ObjectId.fromString(sha)).getTree(), sha);
    }
  }
}
