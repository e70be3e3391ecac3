package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Manifests.component;
import static dev.opsjournal.deploy.Manifests.matches;
import static dev.opsjournal.deploy.Manifests.name;
import static dev.opsjournal.deploy.Manifests.objects;
import static dev.opsjournal.deploy.Manifests.podTemplate;
import static dev.opsjournal.deploy.Manifests.resolvePort;
import static dev.opsjournal.deploy.Manifests.selects;
import static dev.opsjournal.deploy.Manifests.workloads;
import static dev.opsjournal.deploy.Overlays.assertNoProblems;
import static dev.opsjournal.deploy.Overlays.rendered;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Services and NetworkPolicies: each selects a workload of its overlay, every workload is covered
 * by a policy restricting both directions, and the server and the collectors are reachable on 8080,
 * and on their metrics port 8081 from chosen sources only.
 */
class NetworkingTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void servicesSelectAWorkloadOfTheOverlayOnAKnownTargetPort(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    List<Manifest> workloads = workloads(manifests);
    for (Service service : objects(manifests, Service.class)) {
      Optional<Manifest> backend =
          workloads.stream()
              .filter(
                  w ->
                      selects(
                          service.getSpec().getSelector(),
                          podTemplate(w.object()).orElseThrow().getMetadata().getLabels()))
              .findFirst();
      if (backend.isEmpty()) {
        problems.add("Service " + name(service) + ": selects no workload of this overlay");
        continue;
      }
      PodSpec pod = podTemplate(backend.get().object()).orElseThrow().getSpec();
      for (var port : service.getSpec().getPorts()) {
        if (resolvePort(pod, port.getTargetPort()).isEmpty()) {
          problems.add(
              "Service " + name(service) + ": targetPort " + port.getTargetPort() + " is unknown");
        }
      }
    }
    assertNoProblems(env, problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyWorkloadIsCoveredByANetworkPolicyRestrictingBothDirections(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    List<Manifest> workloads = workloads(manifests);
    for (NetworkPolicy policy : objects(manifests, NetworkPolicy.class)) {
      String where = "NetworkPolicy " + name(policy);
      boolean selectsSomething =
          workloads.stream()
              .anyMatch(
                  w ->
                      matches(
                          policy.getSpec().getPodSelector(),
                          podTemplate(w.object()).orElseThrow().getMetadata().getLabels()));
      if (!selectsSomething) {
        problems.add(where + ": selects no workload of this overlay");
      }
      if (!new TreeSet<>(policy.getSpec().getPolicyTypes())
          .equals(new TreeSet<>(List.of("Ingress", "Egress")))) {
        problems.add(where + ": must restrict both Ingress and Egress");
      }
      if (policy.getSpec().getEgress().isEmpty()) {
        problems.add(where + ": allows no egress at all (DNS is needed)");
      }
    }
    for (Manifest w : workloads) {
      Map<String, String> labels = podTemplate(w.object()).orElseThrow().getMetadata().getLabels();
      if (objects(manifests, NetworkPolicy.class).stream()
          .noneMatch(p -> matches(p.getSpec().getPodSelector(), labels))) {
        problems.add(w + ": no NetworkPolicy selects it");
      }
    }
    assertNoProblems(env, problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void eachWorkloadIsReachableOn8080AndOnItsMetricsPortFromChosenSourcesOnly(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    for (String name : List.of("server", "collectors")) {
      Map<String, String> labels =
          component(manifests, name).getSpec().getTemplate().getMetadata().getLabels();
      for (NetworkPolicy policy : objects(manifests, NetworkPolicy.class)) {
        if (matches(policy.getSpec().getPodSelector(), labels)) {
          policy.getSpec().getIngress().forEach(rule -> checkIngress(policy, name, rule, problems));
        }
      }
      for (Service service : objects(manifests, Service.class)) {
        if (selects(service.getSpec().getSelector(), labels)) {
          for (var port : service.getSpec().getPorts()) {
            // 8080 is the API (or health), 8081 the metrics port a ServiceMonitor scrapes
            String expected = port.getPort() == 8081 ? "metrics" : "http";
            if ((port.getPort() != 8080 && port.getPort() != 8081)
                || !expected.equals(port.getName())
                || !expected.equals(port.getTargetPort().getStrVal())) {
              problems.add(
                  "Service "
                      + name(service)
                      + " exposes "
                      + port.getPort()
                      + " as "
                      + port.getName()
                      + ": only 8080 as http and 8081 as metrics");
            }
          }
        }
      }
    }
    assertNoProblems(env, problems);
  }

  /**
   * TCP 8080 from anywhere (the kubelet's probes, the API); the metrics port 8081 only to chosen
   * sources.
   */
  private static void checkIngress(
      NetworkPolicy policy, String workload, NetworkPolicyIngressRule rule, List<String> problems) {
    List<NetworkPolicyPort> ports = rule.getPorts();
    // the metrics port (no token there) only to named sources: never from anywhere
    boolean fromAnywhere = rule.getFrom().isEmpty();
    Set<Integer> allowed = fromAnywhere ? Set.of(8080) : Set.of(8080, 8081);
    if (ports.isEmpty()
        || ports.stream()
            .anyMatch(
                p ->
                    p.getPort() == null
                        || !"TCP".equals(Objects.toString(p.getProtocol(), "TCP"))
                        || !allowed.contains(p.getPort().getIntVal())
                        || p.getEndPort() != null)) {
      problems.add(
          "NetworkPolicy "
              + name(policy)
              + ": "
              + workload
              + " ingress other than TCP 8080, or TCP 8081 from chosen sources");
    }
    if (!fromAnywhere && rule.getFrom().stream().anyMatch(peer -> !chosen(peer))) {
      problems.add("NetworkPolicy " + name(policy) + ": metrics ingress from anywhere");
    }
  }

  /** A peer that names its sources: an address block, or labels of namespaces or pods. */
  private static boolean chosen(NetworkPolicyPeer peer) {
    return peer.getIpBlock() != null
        || namesSomething(peer.getNamespaceSelector())
        || namesSomething(peer.getPodSelector());
  }

  private static boolean namesSomething(LabelSelector selector) {
    if (selector == null) {
      return false;
    }
    boolean labels = selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty();
    boolean expressions =
        selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty();
    return labels || expressions;
  }
}
