package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Spec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamiliesTest {

  static final String PLATFORM = "https://git.example.com/platform.git";

  @Test
  void givenOverlayPaths_whenReduced_thenTheEnvironmentIsDropped() {
    assertThat(Families.familyPath("apps/ops-journal/overlays/dev")).isEqualTo("apps/ops-journal");
    assertThat(Families.familyPath("apps/ops-journal/overlays/staging/"))
        .isEqualTo("apps/ops-journal");
    assertThat(Families.familyPath("./apps/web/Overlays/Custom")).isEqualTo("apps/web");
    assertThat(Families.familyPath("apps/web/envs/eu-west")).isEqualTo("apps/web");
    assertThat(Families.familyPath("web/prod")).isEqualTo("web");
    assertThat(Families.familyPath("envs/prod")).isEmpty();
  }

  @Test
  void givenPathsWithoutAnEnvironment_whenReduced_thenTheyStayAsTheyAre() {
    assertThat(Families.familyPath("charts/web")).isEqualTo("charts/web");
    assertThat(Families.familyPath("apps/app-7")).isEqualTo("apps/app-7");
    assertThat(Families.familyPath("overlays")).isEqualTo("overlays");
  }

  @Test
  void givenOneRepositorySpelledTwoWays_whenCompared_thenItIsOneFamily() {
    assertThat(Families.family(spec("dev", PLATFORM, "apps/ops-journal/overlays/dev")))
        .isEqualTo(
            Families.family(
                spec(
                    "staging",
                    "https://GIT.example.com/platform/",
                    "apps/ops-journal/overlays/staging")));
  }

  @Test
  void givenOtherRepositoriesOrOtherPaths_whenCompared_thenTheyAreOtherFamilies() {
    assertThat(Families.family(spec("a", PLATFORM, "apps/web")))
        .isNotEqualTo(Families.family(spec("b", PLATFORM, "apps/api")))
        .isNotEqualTo(Families.family(spec("c", "https://git.example.com/other.git", "apps/web")));
  }

  @Test
  void givenEnvironments_whenGrouped_thenFamiliesComeInTheOrderOfTheirFirstMember() {
    Environment dev = environment(spec("dev", PLATFORM, "apps/web/overlays/dev"));
    Environment api = environment(spec("api", PLATFORM, "apps/api"));
    Environment prod = environment(spec("prod", PLATFORM, "apps/web/overlays/prod"));

    assertThat(Families.of(List.of(dev, api, prod)))
        .containsExactly(List.of(dev, prod), List.of(api));
  }

  private static Environment environment(Spec spec) {
    return new Environment(spec, "", List.of(), List.of());
  }

  private static Spec spec(String application, String repoUrl, String path) {
    return new Spec(
        "argocd/" + application,
        repoUrl,
        path,
        "HEAD",
        "https://kubernetes.default.svc",
        "",
        "ops-journal",
        true,
        true,
        true);
  }
}
