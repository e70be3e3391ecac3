package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.report.DeployedValues.OwnedWrite;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployedValuesTest {

  private static final String WEB = "prod/apps/Deployment/shop/web";
  private static final String API = "prod/apps/Deployment/shop/api";
  private static final Instant T0 = Instant.parse("2026-11-16T00:00:00Z");

  @Test
  void givenWritesOutOfOrder_whenGathered_thenEachFieldListsItsValuesOnceInDeploymentOrder() {
    List<Tenure> tenures = List.of(new Tenure(WEB, "argocd/shop", T0, null));
    List<OwnedWrite> writes =
        List.of(
            new OwnedWrite(WEB, T0.plusSeconds(60), "argocd/shop", Map.of("spec.replicas", "3")),
            new OwnedWrite(
                WEB, T0, "argocd/shop", Map.of("spec.replicas", "2", "c.image", "web:1")),
            new OwnedWrite(WEB, T0.plusSeconds(60), "argocd/shop", Map.of("spec.replicas", "2")),
            new OwnedWrite(WEB, T0.plusSeconds(90), "argocd/shop", Map.of("c.image", "web:2")));

    Map<String, List<String>> values =
        DeployedValues.of(tenures, writes).get(key("argocd", "shop")).get(WEB);

    assertThat(values.keySet()).containsExactly("spec.replicas", "c.image");
    assertThat(values.get("spec.replicas")).containsExactly("2", "3");
    assertThat(values.get("c.image")).containsExactly("web:1", "web:2");
  }

  @Test
  void givenATenureWithoutWrites_whenGathered_thenItsObjectIsListedWithNoValues() {
    List<Tenure> tenures =
        List.of(new Tenure(WEB, "argocd/shop", T0, null), new Tenure(API, "other", T0, null));

    var deployed = DeployedValues.of(tenures, List.of());

    assertThat(deployed.get(key("argocd", "shop"))).containsOnlyKeys(WEB);
    assertThat(deployed.get(key("", "other"))).containsEntry(API, Map.of());
  }

  private static String key(String namespace, String name) {
    return ResourceKey.application("prod", namespace, name).toString();
  }
}
