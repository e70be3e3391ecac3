package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Condition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedWarningsTest {

  private static final Instant T = Instant.parse("2026-11-30T09:00:00Z");

  @Test
  void fourWarningsOfTwoApplicationsOverTwoObjectsAreOneGroup() {
    // Argo CD names the Application it raises the warning on first, the holder second
    List<Condition> raised =
        List.of(
            warning(
                "argocd/docs",
                "Service/docs is part of applications argocd/docs and docs-preview",
                3),
            warning(
                "argocd/docs",
                "Deployment/docs is part of applications argocd/docs and docs-preview",
                3),
            warning(
                "argocd/docs-preview",
                "Service/docs is part of applications argocd/docs-preview and docs",
                1),
            warning(
                "argocd/docs-preview",
                "Deployment/docs is part of applications argocd/docs-preview and docs",
                2));

    SharedWarnings w = SharedWarnings.of(raised).orElseThrow();

    assertThat(w.applications()).containsExactly("argocd/docs", "argocd/docs-preview");
    assertThat(w.from()).isEqualTo(T.plusSeconds(1));
    assertThat(w.first())
        .isEqualTo("Service/docs is part of applications argocd/docs-preview and docs");
    assertThat(w.others()).isEqualTo(3);
  }

  @Test
  void oneMessageOnBothApplicationsHasNoOthers() {
    String message = "Deployment/api is part of applications argocd/dev and staging";
    SharedWarnings w =
        SharedWarnings.of(
                List.of(warning("argocd/dev", message, 0), warning("argocd/staging", message, 0)))
            .orElseThrow();
    assertThat(w.others()).isZero();
    assertThat(w.applications()).hasSize(2);
  }

  @Test
  void noWarningsNoSentence() {
    assertThat(SharedWarnings.of(List.of())).isEmpty();
  }

  private static Condition warning(String application, String message, int second) {
    return new Condition(
        application, ConflictGroup.SHARED_RESOURCE_WARNING, message, T.plusSeconds(second), null);
  }
}
