package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Manifests.component;
import static dev.opsjournal.deploy.Manifests.matches;
import static dev.opsjournal.deploy.Manifests.name;
import static dev.opsjournal.deploy.Manifests.names;
import static dev.opsjournal.deploy.Manifests.objects;
import static dev.opsjournal.deploy.Manifests.podTemplate;
import static dev.opsjournal.deploy.Manifests.resolvePort;
import static dev.opsjournal.deploy.Manifests.workloads;
import static dev.opsjournal.deploy.Overlays.assertNoProblems;
import static dev.opsjournal.deploy.Overlays.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pods: hardened containers of the one image, with actuator probes, requests and limits; what
 * they refer to exists in the overlay; replicated collectors elect a leader.
 */
class WorkloadsTest {

  private static final String IMAGE = "ghcr.io/ops-journal/ops-journal:0.1.0";

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyContainerHasProbesLimitsAndARestrictedSecurityContext(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    int containers = 0;
    for (Manifest m : manifests) {
      Optional<PodTemplateSpec> template = podTemplate(m.object());
      if (template.isEmpty()) {
        continue;
      }
      PodSpec pod = template.get().getSpec();
      String where = m.toString();
      PodSecurityContext podSecurity = pod.getSecurityContext();
      if (podSecurity == null || podSecurity.getFsGroup() == null) {
        problems.add(where + ": pod securityContext.fsGroup is not set");
      }
      if (Boolean.TRUE.equals(pod.getHostNetwork())
          || Boolean.TRUE.equals(pod.getHostPID())
          || Boolean.TRUE.equals(pod.getHostIPC())) {
        problems.add(where + ": uses a host namespace");
      }
      List<Container> all = new ArrayList<>(pod.getContainers());
      all.addAll(pod.getInitContainers());
      for (Container c : all) {
        containers++;
        checkContainer(where + " container " + c.getName(), pod, c, problems);
      }
    }
    assertThat(containers).as("%s has containers", env).isPositive();
    assertNoProblems(env, problems);
  }

  /** Every container logs JSON in one of Spring Boot's structured formats, from the ConfigMap. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void everyContainerLogsStructured(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    Map<String, ConfigMap> configMaps =
        objects(manifests, ConfigMap.class).stream()
            .collect(Collectors.toMap(Manifests::name, Function.identity()));
    for (Manifest m : workloads(manifests)) {
      for (Container c : podTemplate(m.object()).orElseThrow().getSpec().getContainers()) {
        Optional<String> format =
            c.getEnv().stream()
                .filter(e -> e.getName().equals("LOGGING_STRUCTURED_FORMAT_CONSOLE"))
                .findFirst()
                .map(
                    e -> {
                      if (e.getValueFrom() == null) {
                        return e.getValue();
                      }
                      var ref = e.getValueFrom().getConfigMapKeyRef();
                      ConfigMap cm = ref == null ? null : configMaps.get(ref.getName());
                      return cm == null ? null : cm.getData().get(ref.getKey());
                    });
        if (format.isEmpty() || !Set.of("ecs", "logstash", "gelf").contains(format.get())) {
          problems.add(m + " container " + c.getName() + ": structured logging is " + format);
        }
      }
    }
    assertNoProblems(env, problems);
  }

  /** ServiceAccounts, the Deployment's own selector and ConfigMap keys resolve in the overlay. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void workloadReferencesResolveWithinTheOverlay(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    Set<String> serviceAccounts = names(objects(manifests, ServiceAccount.class));
    Map<String, ConfigMap> configMaps =
        objects(manifests, ConfigMap.class).stream()
            .collect(Collectors.toMap(Manifests::name, Function.identity()));

    for (Manifest m : workloads(manifests)) {
      PodTemplateSpec template = podTemplate(m.object()).orElseThrow();
      PodSpec pod = template.getSpec();
      if (pod.getServiceAccountName() == null
          || !serviceAccounts.contains(pod.getServiceAccountName())) {
        problems.add(m + ": serviceAccountName " + pod.getServiceAccountName() + " is not here");
      }
      if (m.object() instanceof Deployment d) {
        LabelSelector selector = d.getSpec().getSelector();
        if (!matches(selector, template.getMetadata().getLabels())) {
          problems.add(m + ": selector does not match its own pod template");
        }
      }
      for (Container c : pod.getContainers()) {
        for (EnvVar e : c.getEnv()) {
          if (e.getValueFrom() == null || e.getValueFrom().getConfigMapKeyRef() == null) {
            continue;
          }
          var ref = e.getValueFrom().getConfigMapKeyRef();
          ConfigMap cm = configMaps.get(ref.getName());
          if (!Boolean.TRUE.equals(ref.getOptional())
              && (cm == null || !cm.getData().containsKey(ref.getKey()))) {
            problems.add(
                m
                    + " env "
                    + e.getName()
                    + ": ConfigMap "
                    + ref.getName()
                    + " key "
                    + ref.getKey()
                    + " is not here");
          }
        }
      }
    }
    assertNoProblems(env, problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void theCollectorsElectALeaderAndNameTheirCluster(String env) {
    List<String> problems = new ArrayList<>();
    Deployment collectors = component(rendered(env), "collectors");
    Container collector = collectors.getSpec().getTemplate().getSpec().getContainers().get(0);
    Map<String, EnvVar> collectorEnv =
        collector.getEnv().stream()
            .collect(Collectors.toMap(EnvVar::getName, Function.identity(), (a, b) -> b));
    EnvVar election = collectorEnv.get("OPSJOURNAL_COLLECTORS_KUBERNETES_LEADER_ELECTION_ENABLED");
    if (collectors.getSpec().getReplicas() > 1
        && (election == null || !"true".equals(election.getValue()))) {
      problems.add(
          "collectors run "
              + collectors.getSpec().getReplicas()
              + " replicas without leader election: both would publish");
    }
    EnvVar cluster = collectorEnv.get("OPSJOURNAL_COLLECTORS_KUBERNETES_CLUSTER");
    if (cluster == null) {
      problems.add("collectors: OPSJOURNAL_COLLECTORS_KUBERNETES_CLUSTER is not set");
    }
    assertNoProblems(env, problems);
  }

  private static void checkContainer(
      String where, PodSpec pod, Container c, List<String> problems) {
    if (!IMAGE.equals(c.getImage())) {
      problems.add(where + ": image " + c.getImage() + ", expected " + IMAGE);
    }
    checkProbe(
        where, "livenessProbe", c.getLivenessProbe(), "/actuator/health/liveness", c, problems);
    checkProbe(
        where, "readinessProbe", c.getReadinessProbe(), "/actuator/health/readiness", c, problems);

    var resources = c.getResources();
    for (String resource : List.of("cpu", "memory")) {
      Quantity limit = resources == null ? null : resources.getLimits().get(resource);
      Quantity request = resources == null ? null : resources.getRequests().get(resource);
      if (limit == null) {
        problems.add(where + ": no " + resource + " limit");
      }
      if (request == null) {
        problems.add(where + ": no " + resource + " request");
      }
      if (limit != null
          && request != null
          && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
        problems.add(where + ": " + resource + " request " + request + " exceeds limit " + limit);
      }
    }

    SecurityContext sc = c.getSecurityContext();
    PodSecurityContext psc = pod.getSecurityContext();
    Boolean runAsNonRoot =
        first(sc == null ? null : sc.getRunAsNonRoot(), psc == null ? null : psc.getRunAsNonRoot());
    Long runAsUser =
        first(sc == null ? null : sc.getRunAsUser(), psc == null ? null : psc.getRunAsUser());
    if (!Boolean.TRUE.equals(runAsNonRoot)) {
      problems.add(where + ": runAsNonRoot is not true");
    }
    if (runAsUser == null || runAsUser == 0) {
      problems.add(where + ": runAsUser must be a non-root uid (10001)");
    }
    if (sc == null) {
      problems.add(where + ": no container securityContext");
      return;
    }
    if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
      problems.add(where + ": readOnlyRootFilesystem is not true");
    }
    if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
      problems.add(where + ": allowPrivilegeEscalation is not false");
    }
    if (Boolean.TRUE.equals(sc.getPrivileged())) {
      problems.add(where + ": privileged");
    }
    if (sc.getCapabilities() == null || !sc.getCapabilities().getDrop().contains("ALL")) {
      problems.add(where + ": capabilities do not drop ALL");
    } else if (!sc.getCapabilities().getAdd().isEmpty()) {
      problems.add(where + ": adds capabilities " + sc.getCapabilities().getAdd());
    }
    String seccomp =
        first(
            sc.getSeccompProfile() == null ? null : sc.getSeccompProfile().getType(),
            psc == null || psc.getSeccompProfile() == null
                ? null
                : psc.getSeccompProfile().getType());
    if (!"RuntimeDefault".equals(seccomp)) {
      problems.add(where + ": seccompProfile is " + seccomp + ", expected RuntimeDefault");
    }
    // a read-only root filesystem needs a writable /tmp (the JVM, Tomcat)
    boolean tmpIsEmptyDir =
        c.getVolumeMounts().stream()
            .filter(vm -> "/tmp".equals(vm.getMountPath()))
            .map(VolumeMount::getName)
            .anyMatch(
                name ->
                    pod.getVolumes().stream()
                        .anyMatch(v -> v.getName().equals(name) && v.getEmptyDir() != null));
    if (!tmpIsEmptyDir) {
      problems.add(where + ": /tmp is not an emptyDir volume");
    }
    for (VolumeMount vm : c.getVolumeMounts()) {
      if (pod.getVolumes().stream().map(Volume::getName).noneMatch(vm.getName()::equals)) {
        problems.add(where + ": mounts unknown volume " + vm.getName());
      }
    }
  }

  private static void checkProbe(
      String where, String kind, Probe probe, String path, Container c, List<String> problems) {
    if (probe == null) {
      problems.add(where + ": no " + kind);
      return;
    }
    if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
      problems.add(where + ": " + kind + " must be an HTTP GET of " + path);
      return;
    }
    Optional<Integer> port = resolvePort(c, probe.getHttpGet().getPort());
    if (port.isEmpty() || port.get() != 8080) {
      problems.add(where + ": " + kind + " port " + probe.getHttpGet().getPort() + " is not 8080");
    }
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
