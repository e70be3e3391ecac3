package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Sync;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTest {

  static final String SOURCE = "https://git.example.com/platform.git#main";

  @Test
  void givenCommitsAndSources_whenNamed_thenShortIdsAndBranches() {
    assertThat(Terms.sha("324f9b6a0c1e29aeda2fee0123456789abcdef01")).isEqualTo("`324f9b6`");
    assertThat(Terms.gitSource(SOURCE))
        .isEqualTo("`https://git.example.com/platform.git` branch `main`");
    assertThat(Terms.gitSource("https://git.example.com/platform.git"))
        .isEqualTo("`https://git.example.com/platform.git`");
    assertThat(Terms.repository(SOURCE)).isEqualTo("https://git.example.com/platform.git");
    assertThat(Terms.shortSource(SOURCE)).isEqualTo("platform.git main");
    assertThat(Terms.shortSource("https://git.example.com/platform/")).isEqualTo("platform");
  }

  @Test
  void givenSyncs_whenNamed_thenByWhoStartedThemAndHowMuchTheyApplied() {
    assertThat(Terms.syncKind(sync(true, false, "automated"))).isEqualTo("auto-sync");
    assertThat(Terms.syncKind(sync(true, true, "automated"))).isEqualTo("self-heal");
    assertThat(Terms.syncKind(sync(false, false, "alice"))).isEqualTo("sync by `alice`");
    assertThat(Terms.syncKind(sync(false, true, "alice"))).isEqualTo("partial sync by `alice`");
    assertThat(Terms.syncDescription(sync(true, true, "automated")))
        .isEqualTo("partial sync to `eda2fee`");
    assertThat(Terms.syncDescription(sync(false, false, "alice")))
        .isEqualTo("sync by `alice` to `eda2fee`");
  }

  @Test
  void givenSpecs_whenNamed_thenSourceAndPolicyReadAsInIntroduced() {
    Spec dev =
        new Spec(
            "argocd/ops-journal-dev",
            "https://git.example.com/platform.git",
            "apps/ops-journal/overlays/dev",
            "",
            "https://kubernetes.default.svc",
            "",
            "ops-journal",
            true,
            true,
            true);

    assertThat(Terms.source(dev))
        .isEqualTo(
            "`apps/ops-journal/overlays/dev` of `https://git.example.com/platform.git` at `HEAD`,"
                + " deployed to namespace `ops-journal` on `https://kubernetes.default.svc`");
    assertThat(Terms.syncPolicy(dev)).isEqualTo("automated sync with self-heal and prune");
    assertThat(Terms.destinationKey(dev)).isEqualTo("https://kubernetes.default.svc||ops-journal");
  }

  @Test
  void givenFieldsAndValues_whenWritten_thenImagesByContainerAndNumbersAsThemselves() {
    assertThat(Terms.fieldDescription("spec.template.spec.containers[name=ops-journal].image"))
        .isEqualTo("the image of container `ops-journal`");
    assertThat(Terms.fieldDescription("spec.replicas")).isEqualTo("`spec.replicas`");
    assertThat(Terms.values(List.of("2", "3"))).isEqualTo("2 → 3");
    assertThat(Terms.value("ghcr.io/ops-journal/ops-journal:0.1.0"))
        .isEqualTo("`ghcr.io/ops-journal/ops-journal:0.1.0`");
  }

  private static Sync sync(boolean automated, boolean partial, String by) {
    return new Sync(
        "argocd/ops-journal-dev",
        "eda2fee0123456789abcdef0123456789abcdef0",
        by,
        automated,
        partial,
        "Succeeded",
        "",
        null,
        null);
  }
}
