package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldPathsTest {

  @Test
  void rendersEachKindOfSegment() {
    assertThat(FieldPaths.segment("f:replicas")).isEqualTo("replicas");
    assertThat(FieldPaths.segment("f:terminationGracePeriodSeconds"))
        .isEqualTo("terminationGracePeriodSeconds");
    assertThat(FieldPaths.segment("f:argocd.argoproj.io/tracking-id"))
        .isEqualTo("[\"argocd.argoproj.io/tracking-id\"]");
    assertThat(FieldPaths.segment("k:{\"name\":\"web\",\"port\":80}"))
        .isEqualTo("[name=web,port=80]");
    assertThat(FieldPaths.segment("k:{\"port\":80,\"name\":\"web\"}"))
        .as("keys in the JSON's order")
        .isEqualTo("[port=80,name=web]");
    assertThat(FieldPaths.segment("v:\"resources-finalizer.argocd.argoproj.io\""))
        .isEqualTo("[resources-finalizer.argocd.argoproj.io]");
    assertThat(FieldPaths.segment("i:3")).isEqualTo("[3]");
  }

  @Test
  void aLeafIsEmptyOrHoldsOnlyItself() {
    Map<String, Object> tree = new LinkedHashMap<>();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("f:replicas", Map.of());
    spec.put("f:selector", Map.of(".", Map.of()));
    spec.put("f:strategy", new LinkedHashMap<>(Map.of(".", Map.of(), "f:type", Map.of())));
    tree.put("f:spec", spec);

    assertThat(FieldPaths.leaves(tree))
        .containsExactly("spec.replicas", "spec.selector", "spec.strategy.type");
  }

  @Test
  void rendersTheArgoCdClientSideApplyEntry() {
    GenericKubernetesResource deployment =
        Fixtures.load("argo-cd/deployment-with-tracking-id.yaml");

    List<String> fields = FieldPaths.leaves(fieldsOf(deployment, "argocd"));

    assertThat(fields)
        .contains(
            "metadata.annotations[\"argocd.argoproj.io/tracking-id\"]",
            "metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]",
            "spec.replicas",
            "spec.strategy.rollingUpdate.maxSurge",
            "spec.template.metadata.labels.app",
            "spec.template.spec.containers[name=guestbook-ui].image",
            "spec.template.spec.containers[name=guestbook-ui].env[name=SOME_ENV_VAR].value",
            "spec.template.spec.containers[name=guestbook-ui]"
                + ".ports[containerPort=80,protocol=TCP].containerPort",
            "spec.template.spec.containers[name=guestbook-ui].resources.requests.cpu",
            "spec.template.spec.securityContext")
        .doesNotContain(
            "metadata.annotations",
            "spec.strategy.rollingUpdate",
            "spec.template.spec.containers[name=guestbook-ui]",
            "spec.template.spec.containers[name=guestbook-ui].env")
        .allSatisfy(field -> assertThat(field).doesNotContain(".[", "f:", "k:", "\".\""));
  }

  @Test
  void rendersThePersonWhoAddedAContainer() {
    GenericKubernetesResource deployment =
        Fixtures.load("argo-cd/deployment-with-managedfields.yaml");

    assertThat(FieldPaths.leaves(fieldsOf(deployment, "argocd-controller")))
        .contains(
            "metadata.annotations",
            "metadata.labels[\"applications.argoproj.io/app-name\"]",
            "spec.replicas",
            "spec.template.spec.containers[name=main-container].image",
            "spec.template.spec.containers[name=main-container]"
                + ".ports[containerPort=80,protocol=TCP].containerPort");
    assertThat(FieldPaths.leaves(fieldsOf(deployment, "kubectl-client-side-apply")))
        .containsExactly(
            "metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]",
            "spec.template.spec.containers[name=idle].image",
            "spec.template.spec.containers[name=idle].imagePullPolicy",
            "spec.template.spec.containers[name=idle].name",
            "spec.template.spec.containers[name=idle]"
                + ".ports[containerPort=8080,protocol=TCP].containerPort",
            "spec.template.spec.containers[name=idle].ports[containerPort=8080,protocol=TCP].name",
            "spec.template.spec.containers[name=idle]"
                + ".ports[containerPort=8080,protocol=TCP].protocol",
            "spec.template.spec.containers[name=idle].resources",
            "spec.template.spec.containers[name=idle].terminationMessagePath",
            "spec.template.spec.containers[name=idle].terminationMessagePolicy");
    assertThat(FieldPaths.leaves(fieldsOf(deployment, "kube-controller-manager")))
        .contains(
            "metadata.annotations[\"deployment.kubernetes.io/revision\"]",
            "status.conditions[type=Available].lastTransitionTime",
            "status.observedGeneration");
  }

  private static Map<String, Object> fieldsOf(GenericKubernetesResource object, String manager) {
    return object.getMetadata().getManagedFields().stream()
        .filter(entry -> entry.getManager().equals(manager))
        .map(ManagedFieldsEntry::getFieldsV1)
        .findFirst()
        .orElseThrow()
        .getAdditionalProperties();
  }
}
