package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Manifests.kinds;
import static dev.opsjournal.deploy.Overlays.ENVIRONMENTS;
import static dev.opsjournal.deploy.Overlays.NAMESPACES;
import static dev.opsjournal.deploy.Overlays.assertNoProblems;
import static dev.opsjournal.deploy.Overlays.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every overlay renders to strictly valid Kubernetes objects in its own namespace, and no object is
 * rendered by two overlays: two Argo CD Applications would fight over it.
 */
class OverlayRenderingTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void overlayRendersToStrictlyValidKubernetesInItsOwnNamespace(String env) {
    List<Manifest> manifests = rendered(env);
    assertThat(manifests).as("%s renders objects", env).isNotEmpty();
    List<String> problems = new ArrayList<>();
    for (Manifest m : manifests) {
      if (!(m.object() instanceof HasMetadata)) {
        problems.add(m + ": " + m.object().getClass().getSimpleName() + " is not an API object");
        continue;
      }
      if (m.object() instanceof Namespaced && !NAMESPACES.get(env).equals(m.namespace())) {
        problems.add(m + ": namespace " + m.namespace() + ", expected " + NAMESPACES.get(env));
      }
      if (!(m.object() instanceof Namespaced) && m.namespace() != null) {
        problems.add(m + ": cluster-scoped but has namespace " + m.namespace());
      }
    }
    assertNoProblems(env, problems);
    assertThat(kinds(manifests))
        .as("%s renders what ops-journal needs", env)
        .contains(
            "ConfigMap",
            "Deployment",
            "Service",
            "ServiceAccount",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "NetworkPolicy");
  }

  /** The lesson of Week 02: no object may belong to two environments (two Applications). */
  @Test
  void environmentsNeverShareAnObjectNotEvenAClusterScopedOne() {
    Map<String, Set<String>> identities = new LinkedHashMap<>();
    Map<String, Set<String>> clusterScoped = new LinkedHashMap<>();
    for (String env : ENVIRONMENTS) {
      identities.put(
          env,
          rendered(env).stream()
              .map(Manifest::identity)
              .collect(Collectors.toCollection(TreeSet::new)));
      clusterScoped.put(
          env,
          rendered(env).stream()
              .filter(m -> !(m.object() instanceof Namespaced))
              .map(Manifest::identity)
              .collect(Collectors.toCollection(TreeSet::new)));
    }
    assertThat(clusterScoped.values())
        .as("every overlay has cluster-scoped RBAC")
        .allMatch(s -> !s.isEmpty());
    for (int i = 0; i < ENVIRONMENTS.size(); i++) {
      for (int j = i + 1; j < ENVIRONMENTS.size(); j++) {
        String a = ENVIRONMENTS.get(i);
        String b = ENVIRONMENTS.get(j);
        Set<String> shared = new TreeSet<>(identities.get(a));
        shared.retainAll(identities.get(b));
        assertThat(shared)
            .as(
                "objects rendered by both %s and %s (their Argo CD Applications would fight over"
                    + " them): give cluster-scoped objects distinct names (nameSuffix) and each"
                    + " overlay its own namespace",
                a, b)
            .isEmpty();
      }
    }
  }
}
