package dev.opsjournal.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceKeyTest {

  @Test
  void givenCanonicalString_whenParsed_thenEveryPartAndTheSameStringBack() {
    ResourceKey key = ResourceKey.parse("local/apps/Deployment/ops-journal/ops-journal");

    assertThat(key)
        .isEqualTo(new ResourceKey("local", "apps", "Deployment", "ops-journal", "ops-journal"));
    assertThat(key.toString()).isEqualTo("local/apps/Deployment/ops-journal/ops-journal");
    assertThat(key.namespacedName()).isEqualTo("ops-journal/ops-journal");
  }

  @Test
  void givenCoreGroupService_whenFormatted_thenGroupIsEmptyAndItParsesBack() {
    ResourceKey service = ResourceKey.of("local", "", "Service", "ops-journal", "ops-journal");

    assertThat(service.toString()).isEqualTo("local//Service/ops-journal/ops-journal");
    assertThat(ResourceKey.parse(service.toString())).isEqualTo(service);
  }

  @Test
  void givenClusterScopedCoreNamespace_whenParsed_thenGroupAndNamespaceAreEmpty() {
    ResourceKey namespace = ResourceKey.parse("local//Namespace//ops-journal");

    assertThat(namespace.group()).isEmpty();
    assertThat(namespace.namespace()).isEmpty();
    assertThat(namespace.name()).isEqualTo("ops-journal");
    assertThat(namespace.namespacedName()).isEqualTo("ops-journal");
    assertThat(namespace.toString()).isEqualTo("local//Namespace//ops-journal");
  }

  @Test
  void givenNullGroupAndNamespace_whenBuilt_thenTheyAreEmpty() {
    ResourceKey clusterRole = ResourceKey.of("local", null, "ClusterRole", null, "reader");

    assertThat(clusterRole).isEqualTo(ResourceKey.of("local", "", "ClusterRole", "", "reader"));
    assertThat(clusterRole.toString()).isEqualTo("local//ClusterRole//reader");
  }

  @Test
  void givenApplicationKey_whenBuilt_thenItIsAnArgoprojApplication() {
    ResourceKey app = ResourceKey.application("local", "argocd", "ops-journal-dev");

    assertThat(app.toString()).isEqualTo("local/argoproj.io/Application/argocd/ops-journal-dev");
    assertThat(app.isApplication()).isTrue();
    assertThat(ResourceKey.parse("local/apps/Deployment/argocd/ops-journal-dev").isApplication())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local/apps/Deployment/ops-journal",
        "local/apps/Deployment/ops-journal/ops-journal/extra",
        "local",
        ""
      })
  void givenWrongNumberOfParts_whenParsed_thenRejected(String canonical) {
    assertThatThrownBy(() -> ResourceKey.parse(canonical))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("five parts");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/apps/Deployment/ops-journal/ops-journal",
        "local/apps//ops-journal/ops-journal",
        "local/apps/Deployment/ops-journal/",
        "local/apps/Deployment/ops-journal/ ops-journal"
      })
  void givenEmptyRequiredPartOrBlanks_whenParsed_thenRejected(String canonical) {
    assertThatThrownBy(() -> ResourceKey.parse(canonical))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void givenSlashInAPart_whenBuilt_thenRejectedNamingThePart() {
    assertThatThrownBy(() -> ResourceKey.of("local", "apps", "Deployment", "ops/journal", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace");
    assertThatThrownBy(() -> ResourceKey.of("local", "apps/v1", "Deployment", "ns", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group");
    assertThatThrownBy(() -> ResourceKey.of("eu/local", "apps", "Deployment", "ns", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster");
  }

  @Test
  void givenNullCanonical_whenParsed_thenRejected() {
    assertThatThrownBy(() -> ResourceKey.parse(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void givenKey_whenWrittenAsJsonAndReadBack_thenItIsItsCanonicalString() throws Exception {
    ObjectMapper json = new ObjectMapper();
    ResourceKey service = ResourceKey.of("local", "", "Service", "ops-journal", "ops-journal");

    String written = json.writeValueAsString(service);

    assertThat(written).isEqualTo("\"local//Service/ops-journal/ops-journal\"");
    assertThat(json.readValue(written, ResourceKey.class)).isEqualTo(service);
  }
}
