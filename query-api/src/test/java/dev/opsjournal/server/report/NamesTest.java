package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Deployed;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.ObjectStory;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Start;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamesTest {

  static final IsoWeek W47 = new IsoWeek(2026, 47);
  static final String IMAGE = "spec.template.spec.containers[name=%s].image";

  @Test
  void givenUniqueNames_whenNamed_thenApplicationsGoWithoutTheirNamespace() {
    Names names = names(List.of(), List.of("argocd/ops-journal-dev", "team-a/web"), List.of());

    assertThat(names.app("argocd/ops-journal-dev")).isEqualTo("ops-journal-dev");
    assertThat(names.apps(List.of("team-a/web", "argocd/ops-journal-dev")))
        .containsExactly("web", "ops-journal-dev");
  }

  @Test
  void givenOneNameInTwoNamespaces_whenNamed_thenBothKeepTheirNamespace() {
    Names names = names(List.of(), List.of("team-a/web", "team-b/web", "argocd/api"), List.of());

    assertThat(names.apps(List.of("team-a/web", "team-b/web", "argocd/api")))
        .containsExactly("team-a/web", "team-b/web", "api");
  }

  @Test
  void givenTimes_whenWritten_thenTheDateOnlyOutsideTheWeek() {
    Names names = names(List.of(), List.of(), List.of());

    assertThat(names.time(Instant.parse("2026-11-18T09:05:01Z"))).isEqualTo("Wed 09:05:01");
    assertThat(names.time(Instant.parse("2026-11-13T09:00:00Z")))
        .isEqualTo("Fri 13 Nov 2026 09:00:00");
    assertThat(names.time(W47.end())).isEqualTo("Mon 23 Nov 2026 00:00:00");
    assertThat(names.time(null)).isEqualTo("the end of the week");
    Instant from = Instant.parse("2026-11-19T10:00:00Z");
    assertThat(names.window(from, from.plus(Duration.ofMinutes(30))))
        .isEqualTo("Thu 10:00:00 – Thu 10:30:00 (30 min)");
    assertThat(names.window(from, null)).isEqualTo("from Thu 10:00:00 to the end of the week");
  }

  @Test
  void givenObjectsInOneOrSeveralClusters_whenNamed_thenTheClusterOnlyWhenThereAreSeveral() {
    String local = "local/apps/Deployment/ops-journal/ops-journal";
    String prod = "prod/apps/Deployment/ops-journal/ops-journal";

    assertThat(names(List.of(local), List.of(), List.of()).object(local))
        .isEqualTo("Deployment `ops-journal/ops-journal`");
    assertThat(names(List.of(local, prod), List.of(), List.of()).object(prod))
        .isEqualTo("Deployment `prod:ops-journal/ops-journal`");
  }

  @Test
  void givenImagesOfOneOrSeveralContainers_whenLabelled_thenTheContainerOnlyWhenThereAreSeveral() {
    assertThat(names(List.of(), List.of(), List.of("web")).fieldLabel(IMAGE.formatted("web")))
        .isEqualTo("image");
    assertThat(
            names(List.of(), List.of(), List.of("web", "proxy"))
                .fieldLabel(IMAGE.formatted("proxy")))
        .isEqualTo("image of `proxy`");
    assertThat(names(List.of(), List.of(), List.of()).fieldLabel("spec.replicas"))
        .isEqualTo("replicas");
    assertThat(names(List.of(), List.of(), List.of()).fieldLabel("spec.paused"))
        .isEqualTo("`spec.paused`");
  }

  /** A week with these objects, these Applications (as holders) and one object per container. */
  private static Names names(List<String> objects, List<String> holders, List<String> containers) {
    Instant monday = W47.start();
    List<ObjectStory> stories =
        objects.stream()
            .map(
                o ->
                    new ObjectStory(o, List.of(new Tenure(o, "argocd/x", monday, null)), List.of()))
            .toList();
    Spec spec =
        new Spec(
            "argocd/x",
            "https://git.example.com/platform.git",
            "apps",
            "HEAD",
            "",
            "in-cluster",
            "ns",
            true,
            true,
            true);
    List<Deployed> deployed =
        containers.stream()
            .map(
                c ->
                    new Deployed(
                        "local/apps/Deployment/ns/" + c,
                        Map.of(IMAGE.formatted(c), List.of("img"))))
            .toList();
    List<Environment> environments =
        containers.isEmpty() ? List.of() : List.of(new Environment(spec, "", List.of(), deployed));
    List<Tenure> holdings =
        holders.stream()
            .map(h -> new Tenure("local/apps/Deployment/ns/x", h, monday, null))
            .toList();
    return new Names(
        new WeekData(
            W47,
            null,
            1,
            new Start(List.of(), List.of(), holdings),
            List.of(),
            List.of(),
            List.of(),
            environments,
            stories,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()));
  }
}
