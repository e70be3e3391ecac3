package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.Deployed;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Spec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FamilyTableTest {

  @Test
  void givenMembersInOnePlace_whenCompared_thenObjectsAreTheirFullKeys() {
    // the golden week: dev and staging both deploy to namespace ops-journal of one cluster
    String deployment = "local/apps/Deployment/ops-journal/ops-journal";
    Environment dev = member("dev", "ops-journal", deployment, "1");
    Environment staging = member("staging", "ops-journal", deployment, "2");

    assertThat(FamilyTable.deployed(List.of(dev, staging)))
        .isEqualTo(
            Map.of(
                deployment,
                Map.of(
                    "", Map.of(0, List.of(), 1, List.of()),
                    "spec.replicas", Map.of(0, List.of("1"), 1, List.of("2")))));
  }

  @Test
  void givenMembersInTheirOwnNamespaces_whenCompared_thenOneObjectIsOneRowForAll() {
    Environment dev = member("dev", "web-dev", "c1/apps/Deployment/web-dev/web", "1");
    Environment prod = member("prod", "web-prod", "c2/apps/Deployment/web-prod/web", "3");

    assertThat(FamilyTable.deployed(List.of(dev, prod)))
        .containsOnlyKeys("*/apps/Deployment//web")
        .extractingByKey("*/apps/Deployment//web")
        .isEqualTo(
            Map.of(
                "", Map.of(0, List.of(), 1, List.of()),
                "spec.replicas", Map.of(0, List.of("1"), 1, List.of("3"))));
  }

  private static Environment member(
      String stage, String namespace, String resource, String replicas) {
    Spec spec =
        new Spec(
            "argocd/web-" + stage,
            "https://git.example.com/apps.git",
            "apps/web/overlays/" + stage,
            "HEAD",
            "https://kubernetes.default.svc",
            "",
            namespace,
            true,
            true,
            true);
    return new Environment(
        spec,
        "",
        List.of(),
        List.of(new Deployed(resource, Map.of("spec.replicas", List.of(replicas)))));
  }
}
