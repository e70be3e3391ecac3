package dev.opsjournal.collectors.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Offline validation of {@code deploy/} (part of {@code mvn verify}): every overlay is rendered
 * with {@code kubectl kustomize}, every rendered document is deserialized strictly into fabric8's
 * typed model (an unknown or misspelled field, a wrong type or an unknown kind fails), and the
 * rules of the deployment are asserted: hardened containers with probes and limits, read-only RBAC
 * on exactly the watched kinds, no Secret in Git, and environments that never share an object — so
 * that their Argo CD Applications (also validated, in {@code deploy/argocd/}) never fight over one,
 * as they did in Week 02.
 */
class DeployManifestsTest {

  private static final List<String> ENVIRONMENTS = List.of("dev", "staging", "prod");

  private static final Map<String, String> NAMESPACES =
      Map.of("dev", "ops-journal-dev", "staging", "ops-journal-staging", "prod", "ops-journal");

  static final String KUBECTL_MISSING =
      "kubectl (with Kustomize 5) is needed to validate deploy/: install kubectl 1.27+; Debian's"
          + " kubernetes-client 1.20 is too old for patches:";

  private static final String IMAGE = "ghcr.io/ops-journal/ops-journal:0.1.0";

  /** What the collectors watch, read-only: group/resource. */
  private static final Set<String> WATCHED =
      Set.of(
          "argoproj.io/applications",
          "apps/deployments",
          "apps/statefulsets",
          "apps/daemonsets",
          "/services",
          "/configmaps",
          "/secrets",
          "/namespaces",
          "/events",
          "events.k8s.io/events",
          "networking.k8s.io/ingresses");

  private static final Set<String> READ_VERBS = Set.of("get", "list", "watch");
  private static final Set<String> LEASE_VERBS = Set.of("get", "create", "update");

  private static final Path REPO_ROOT = findRepoRoot();
  private static final Map<String, Object> RENDERED = new ConcurrentHashMap<>();

  // ---------------------------------------------------------------- the rendered overlays

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

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void noSecretIsKeptInGit(String env) {
    assertThat(rendered(env))
        .as("%s: Secrets are referenced (secretKeyRef, secret volumes), never written in Git", env)
        .noneMatch(m -> "Secret".equals(m.kind()));
  }

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

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void rbacIsReadOnlyOnExactlyTheWatchedKindsAndLeasesInItsOwnNamespace(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    List<ClusterRole> clusterRoles = objects(manifests, ClusterRole.class);
    assertThat(clusterRoles).as("%s: one ClusterRole (the collectors')", env).hasSize(1);
    ClusterRole clusterRole = clusterRoles.get(0);
    Set<String> granted = new TreeSet<>();
    if (clusterRole.getAggregationRule() != null) {
      problems.add("ClusterRole " + name(clusterRole) + " aggregates other roles");
    }
    for (PolicyRule rule : clusterRole.getRules()) {
      String where = "ClusterRole " + name(clusterRole) + " rule " + rule.getResources();
      checkNoWildcard(where, rule, problems);
      if (!rule.getNonResourceURLs().isEmpty()) {
        problems.add(where + ": grants non-resource URLs " + rule.getNonResourceURLs());
      }
      if (!rule.getResourceNames().isEmpty()) {
        problems.add(where + ": is limited to names, the collectors watch all objects");
      }
      for (String verb : rule.getVerbs()) {
        if (!READ_VERBS.contains(verb)) {
          problems.add(where + ": verb " + verb + " (only get, list, watch)");
        }
      }
      if (!rule.getVerbs().containsAll(READ_VERBS)) {
        problems.add(where + ": verbs " + rule.getVerbs() + ", the collectors need get/list/watch");
      }
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          granted.add(group + "/" + resource);
        }
      }
    }
    if (!granted.equals(new TreeSet<>(WATCHED))) {
      Set<String> extra = new TreeSet<>(granted);
      extra.removeAll(WATCHED);
      Set<String> missing = new TreeSet<>(WATCHED);
      missing.removeAll(granted);
      problems.add(
          "ClusterRole "
              + name(clusterRole)
              + " must grant exactly the watched kinds: extra "
              + extra
              + ", missing "
              + missing);
    }

    Set<String> leaseVerbs = new TreeSet<>();
    for (Role role : objects(manifests, Role.class)) {
      for (PolicyRule rule : role.getRules()) {
        String where = "Role " + name(role) + " rule " + rule.getResources();
        checkNoWildcard(where, rule, problems);
        if (!rule.getApiGroups().equals(List.of("coordination.k8s.io"))
            || !rule.getResources().equals(List.of("leases"))) {
          problems.add(where + ": only leases.coordination.k8s.io (leader election)");
        }
        for (String verb : rule.getVerbs()) {
          if (!LEASE_VERBS.contains(verb)) {
            problems.add(where + ": verb " + verb + " (only get, create, update)");
          }
        }
        leaseVerbs.addAll(rule.getVerbs());
      }
    }
    if (!leaseVerbs.equals(new TreeSet<>(LEASE_VERBS))) {
      problems.add("leader election needs get, create and update on leases; granted " + leaseVerbs);
    }
    assertNoProblems(env, problems);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void referencesResolveWithinTheOverlay(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    String namespace = NAMESPACES.get(env);
    Set<String> serviceAccounts = names(objects(manifests, ServiceAccount.class));
    Map<String, ConfigMap> configMaps =
        objects(manifests, ConfigMap.class).stream()
            .collect(Collectors.toMap(DeployManifestsTest::name, Function.identity()));
    Set<String> roles = names(objects(manifests, Role.class));
    Set<String> clusterRoles = names(objects(manifests, ClusterRole.class));

    // bindings: to a role of this overlay, for a ServiceAccount of this overlay's namespace
    List<HasMetadata> bindings = new ArrayList<>();
    bindings.addAll(objects(manifests, RoleBinding.class));
    bindings.addAll(objects(manifests, ClusterRoleBinding.class));
    for (HasMetadata binding : bindings) {
      RoleRef ref;
      List<Subject> subjects;
      if (binding instanceof RoleBinding rb) {
        ref = rb.getRoleRef();
        subjects = rb.getSubjects();
      } else {
        ClusterRoleBinding crb = (ClusterRoleBinding) binding;
        ref = crb.getRoleRef();
        subjects = crb.getSubjects();
      }
      String where = binding.getKind() + " " + name(binding);
      Set<String> targets = "Role".equals(ref.getKind()) ? roles : clusterRoles;
      if (!targets.contains(ref.getName())) {
        problems.add(where + ": roleRef " + ref.getKind() + " " + ref.getName() + " is not here");
      }
      if (subjects.isEmpty()) {
        problems.add(where + ": no subjects");
      }
      for (Subject s : subjects) {
        if (!"ServiceAccount".equals(s.getKind())
            || !serviceAccounts.contains(s.getName())
            || !namespace.equals(s.getNamespace())) {
          problems.add(
              where
                  + ": subject "
                  + s.getKind()
                  + " "
                  + s.getNamespace()
                  + "/"
                  + s.getName()
                  + " is not a ServiceAccount of "
                  + namespace);
        }
      }
    }

    List<Manifest> workloads =
        manifests.stream().filter(m -> podTemplate(m.object()).isPresent()).toList();
    for (Manifest m : workloads) {
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
    // the server's ServiceAccount needs no API token; the collectors' does
    for (Manifest m : workloads) {
      PodSpec pod = podTemplate(m.object()).orElseThrow().getSpec();
      boolean readsTheApi =
          bindings.stream()
              .flatMap(b -> subjectsOf(b).stream())
              .anyMatch(s -> s.getName().equals(pod.getServiceAccountName()));
      if (!readsTheApi && !Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
        problems.add(m + ": has no RBAC, so automountServiceAccountToken must be false");
      }
    }

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
    // every workload is covered by a NetworkPolicy
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
  void theServerIsReachableOnlyOn8080AndTheCollectorsElectALeader(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    Deployment server = component(manifests, "server");
    Deployment collectors = component(manifests, "collectors");

    for (NetworkPolicy policy : objects(manifests, NetworkPolicy.class)) {
      if (!matches(
          policy.getSpec().getPodSelector(),
          server.getSpec().getTemplate().getMetadata().getLabels())) {
        continue;
      }
      for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
        List<NetworkPolicyPort> ports = rule.getPorts();
        if (ports.isEmpty()
            || ports.stream()
                .anyMatch(
                    p ->
                        p.getPort() == null
                            || !"TCP".equals(Objects.toString(p.getProtocol(), "TCP"))
                            || !Integer.valueOf(8080).equals(p.getPort().getIntVal())
                            || p.getEndPort() != null)) {
          problems.add("NetworkPolicy " + name(policy) + ": server ingress other than TCP 8080");
        }
      }
    }
    for (Service service : objects(manifests, Service.class)) {
      if (selects(
          service.getSpec().getSelector(),
          server.getSpec().getTemplate().getMetadata().getLabels())) {
        for (var port : service.getSpec().getPorts()) {
          if (port.getPort() != 8080) {
            problems.add("Service " + name(service) + " exposes " + port.getPort() + ", not 8080");
          }
        }
      }
    }

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

  // ---------------------------------------------------------------- Argo CD Applications

  @Test
  void oneArgoCdApplicationPerEnvironmentEachWithItsOwnPathAndNamespace() throws IOException {
    Path dir = REPO_ROOT.resolve("deploy/argocd");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
    }
    List<JsonNode> apps = new ArrayList<>();
    for (Path file : files) {
      for (Manifest m : parse(REPO_ROOT.relativize(file).toString(), Files.readString(file))) {
        assertThat(m.kind()).as("%s holds Argo CD Applications only", m).isEqualTo("Application");
        apps.add(m.tree());
      }
    }
    assertThat(apps).as("one Application per environment").hasSize(ENVIRONMENTS.size());

    Map<String, String> namespaceByPath = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    Set<String> namespaces = new LinkedHashSet<>();
    Set<String> repos = new LinkedHashSet<>();
    Set<String> servers = new LinkedHashSet<>();
    for (JsonNode app : apps) {
      String path = app.at("/spec/source/path").asText();
      String namespace = app.at("/spec/destination/namespace").asText();
      names.add(app.at("/metadata/name").asText());
      namespaces.add(namespace);
      repos.add(app.at("/spec/source/repoURL").asText());
      servers.add(
          app.at("/spec/destination/server").asText(app.at("/spec/destination/name").asText()));
      assertThat(namespaceByPath.put(path, namespace))
          .as("two Applications with source path %s (Week 02)", path)
          .isNull();
    }
    assertThat(names).as("distinct Application names").hasSize(apps.size());
    assertThat(namespaces).as("distinct destination namespaces").hasSize(apps.size());
    assertThat(repos).as("all from this repository").hasSize(1);
    assertThat(servers).as("one destination cluster").hasSize(1);

    for (String env : ENVIRONMENTS) {
      String path = "deploy/overlays/" + env;
      assertThat(namespaceByPath)
          .as("an Application for %s", env)
          .containsEntry(path, NAMESPACES.get(env));
      assertThat(REPO_ROOT.resolve(path).resolve("kustomization.yaml")).isRegularFile();
      // the destination is the namespace the overlay really renders into
      assertThat(
              rendered(env).stream()
                  .map(Manifest::namespace)
                  .filter(Objects::nonNull)
                  .collect(Collectors.toSet()))
          .as("%s renders into its Application's destination namespace only", env)
          .containsExactly(NAMESPACES.get(env));
    }
  }

  // ---------------------------------------------------------------- the validator itself

  @Test
  void aMisspelledFieldFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broken
        spec:
          replica: 2
          selector:
            matchLabels: {app: broken}
          template:
            metadata:
              labels: {app: broken}
            spec:
              containers:
                - name: app
                  image: example
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("broken.yaml")
        .hasMessageContaining("\"replica\"");
  }

  @Test
  void aMisspelledNestedFieldFails() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: broken
        spec:
          ports:
            - port: 8080
              targetPrt: http
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("\"targetPrt\"");
  }

  @Test
  void aWrongTypeFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: broken
        spec:
          replicas: "2"
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("replicas")
        .hasMessageContaining("coerce");
  }

  @Test
  void anUnknownKindFails() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deploymnet
        metadata:
          name: broken
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("apps/v1 Deploymnet is not a kind of fabric8's typed model");
  }

  @Test
  void aMisspelledArgoCdApplicationFieldFails() {
    String yaml =
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: broken
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: https://example.com/repo.git
            targetRevision: main
            path: deploy/overlays/dev
          destinaton:
            server: https://kubernetes.default.svc
            namespace: broken
        """;
    assertThatThrownBy(() -> parse("broken.yaml", yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("destinaton");
  }

  @Test
  void aFailingKustomizationFailsWithKubectlsMessage(@TempDir Path dir) throws IOException {
    requireKubectl();
    Files.writeString(
        dir.resolve("kustomization.yaml"),
        "resources:\n  - missing.yaml\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> kustomize(dir))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("kubectl kustomize")
        .hasMessageContaining("missing.yaml");
  }

  // ---------------------------------------------------------------- checks

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

  private static void checkNoWildcard(String where, PolicyRule rule, List<String> problems) {
    for (List<String> values :
        List.of(
            rule.getApiGroups(), rule.getResources(), rule.getVerbs(), rule.getResourceNames())) {
      if (values.stream().anyMatch(v -> v.contains("*"))) {
        problems.add(where + ": wildcard in " + values);
      }
    }
  }

  // ---------------------------------------------------------------- rendering and parsing

  /** One rendered (or read) document, typed, with where it came from. */
  record Manifest(String source, int index, JsonNode tree, KubernetesResource object) {

    String kind() {
      return tree.path("kind").asText();
    }

    String name() {
      return tree.at("/metadata/name").asText();
    }

    String namespace() {
      JsonNode ns = tree.at("/metadata/namespace");
      return ns.isMissingNode() || ns.isNull() ? null : ns.asText();
    }

    /** group/kind/namespace/name: what Argo CD tracks an object by. */
    String identity() {
      String apiVersion = tree.path("apiVersion").asText();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      return group + "/" + kind() + "/" + Objects.toString(namespace(), "") + "/" + name();
    }

    @Override
    public String toString() {
      return source + " #" + (index + 1) + " " + kind() + " " + name();
    }
  }

  private static final YAMLMapper YAML = new YAMLMapper();

  private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

  /**
   * Jackson, strict: unknown properties fail, scalars are not coerced ({@code replicas: "2"} is not
   * a number for the API server either). fabric8's model classes keep unknown fields in an "any
   * setter" ({@code additionalProperties}), which would accept any misspelling silently: the
   * modifier removes it, so FAIL_ON_UNKNOWN_PROPERTIES applies to them too.
   */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .addModule(
              new SimpleModule("strict-fabric8")
                  .setDeserializerModifier(
                      new BeanDeserializerModifier() {
                        @Override
                        public BeanDeserializerBuilder updateBuilder(
                            DeserializationConfig config,
                            BeanDescription description,
                            BeanDeserializerBuilder builder) {
                          if (description.getBeanClass().getName().startsWith("io.fabric8.")) {
                            builder.setAnySetter(null);
                          }
                          return builder;
                        }
                      }))
          .build();

  /** Argo CD's Application fields we accept (it is not in fabric8's typed model). */
  private static final Map<String, Set<String>> ARGO_FIELDS =
      Map.of(
          "", Set.of("apiVersion", "kind", "metadata", "spec"),
          "/spec",
              Set.of(
                  "project",
                  "source",
                  "sources",
                  "destination",
                  "syncPolicy",
                  "ignoreDifferences",
                  "info",
                  "revisionHistoryLimit",
                  "sourceHydrator"),
          "/spec/source",
              Set.of(
                  "repoURL",
                  "path",
                  "targetRevision",
                  "chart",
                  "helm",
                  "kustomize",
                  "directory",
                  "plugin",
                  "ref",
                  "name"),
          "/spec/destination", Set.of("server", "name", "namespace"),
          "/spec/syncPolicy",
              Set.of("automated", "syncOptions", "retry", "managedNamespaceMetadata"),
          "/spec/syncPolicy/automated", Set.of("prune", "selfHeal", "allowEmpty", "enabled"),
          "/spec/syncPolicy/retry", Set.of("limit", "backoff", "refresh"),
          "/spec/syncPolicy/retry/backoff", Set.of("duration", "factor", "maxDuration"));

  private static final List<String> ARGO_REQUIRED =
      List.of(
          "/metadata/name",
          "/metadata/namespace",
          "/spec/project",
          "/spec/source/repoURL",
          "/spec/source/path",
          "/spec/source/targetRevision",
          "/spec/destination/namespace");

  /** Splits a multi-document YAML stream and deserializes every document strictly. */
  static List<Manifest> parse(String source, String yaml) {
    List<JsonNode> trees = new ArrayList<>();
    try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
      while (values.hasNextValue()) {
        JsonNode tree = values.nextValue();
        if (tree != null && !tree.isNull() && !tree.isMissingNode()) {
          trees.add(tree);
        }
      }
    } catch (IOException e) {
      throw new AssertionError(source + ": not YAML: " + e.getMessage(), e);
    }
    List<Manifest> manifests = new ArrayList<>();
    for (int i = 0; i < trees.size(); i++) {
      JsonNode tree = trees.get(i);
      String where = source + " #" + (i + 1) + " " + tree.path("kind").asText("(no kind)");
      manifests.add(new Manifest(source, i, tree, typed(where, tree)));
    }
    return manifests;
  }

  private static KubernetesResource typed(String where, JsonNode tree) {
    String apiVersion = tree.path("apiVersion").asText(null);
    String kind = tree.path("kind").asText(null);
    if (apiVersion == null || kind == null) {
      throw new AssertionError(where + ": apiVersion and kind are required");
    }
    if ("argoproj.io/v1alpha1".equals(apiVersion) && "Application".equals(kind)) {
      return argoApplication(where, tree);
    }
    Class<? extends KubernetesResource> type =
        KUBERNETES.getRegisteredKubernetesResource(apiVersion, kind);
    if (type == null) {
      throw new AssertionError(
          where + ": " + apiVersion + " " + kind + " is not a kind of fabric8's typed model");
    }
    try {
      return STRICT.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new AssertionError(
          where + " " + tree.at("/metadata/name").asText() + ": " + e.getMessage(), e);
    }
  }

  private static KubernetesResource argoApplication(String where, JsonNode tree) {
    String named = where + " " + tree.at("/metadata/name").asText();
    for (var entry : ARGO_FIELDS.entrySet()) {
      JsonNode node = entry.getKey().isEmpty() ? tree : tree.at(entry.getKey());
      if (!node.isObject()) {
        continue;
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!entry.getValue().contains(field)) {
          throw new AssertionError(
              named + ": unknown field " + entry.getKey() + "/" + field + " in an Application");
        }
      }
    }
    for (String required : ARGO_REQUIRED) {
      if (tree.at(required).asText("").isBlank()) {
        throw new AssertionError(named + ": " + required + " is required");
      }
    }
    boolean server = !tree.at("/spec/destination/server").asText("").isBlank();
    boolean name = !tree.at("/spec/destination/name").asText("").isBlank();
    if (server == name) {
      throw new AssertionError(named + ": give exactly one of destination server and name");
    }
    try {
      STRICT.treeToValue(tree.get("metadata"), ObjectMeta.class);
      return KUBERNETES.convertValue(tree, GenericKubernetesResource.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new AssertionError(named + ": " + e.getMessage(), e);
    }
  }

  /** An overlay rendered and parsed once per run; a failure is kept and reported by every test. */
  private static List<Manifest> rendered(String env) {
    Object result =
        RENDERED.computeIfAbsent(
            env,
            e -> {
              Path overlay = REPO_ROOT.resolve("deploy/overlays").resolve(e);
              try {
                return parse("deploy/overlays/" + e + " (rendered)", kustomize(overlay));
              } catch (AssertionError failure) {
                return failure;
              }
            });
    if (result instanceof AssertionError failure) {
      throw failure;
    }
    @SuppressWarnings("unchecked")
    List<Manifest> manifests = (List<Manifest>) result;
    return manifests;
  }

  /** {@code kubectl kustomize <dir>}: its output, or a failure with kubectl's own message. */
  static String kustomize(Path dir) {
    String kubectl = requireKubectl();
    ProcessBuilder builder = new ProcessBuilder(kubectl, "kustomize", dir.toString());
    builder.directory(REPO_ROOT.toFile());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      String out = readAll(process.getInputStream());
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        fail("kubectl kustomize " + dir + " did not finish within 2 minutes");
      }
      int exit = process.exitValue();
      if (exit != 0) {
        fail(
            "kubectl kustomize "
                + REPO_ROOT.relativize(dir.toAbsolutePath())
                + " failed (exit "
                + exit
                + "):\n"
                + err.join()
                + "\n(needs kubectl 1.27+ with Kustomize 5: `kubectl version --client` tells)");
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + kubectl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String requireKubectl() {
    String path = Objects.toString(System.getenv("PATH"), "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : List.of("kubectl", "kubectl.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return fail(KUBECTL_MISSING);
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository root, found upwards from the module directory (Maven's working directory). */
  private static Path findRepoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("deploy/overlays"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no deploy/overlays above " + Path.of("").toAbsolutePath() + ": run from the repository");
  }

  // ---------------------------------------------------------------- helpers

  private static Optional<PodTemplateSpec> podTemplate(KubernetesResource object) {
    if (object instanceof Deployment d) {
      return Optional.ofNullable(d.getSpec().getTemplate());
    } else if (object instanceof StatefulSet s) {
      return Optional.ofNullable(s.getSpec().getTemplate());
    } else if (object instanceof DaemonSet d) {
      return Optional.ofNullable(d.getSpec().getTemplate());
    } else if (object instanceof ReplicaSet r) {
      return Optional.ofNullable(r.getSpec().getTemplate());
    } else if (object instanceof Job j) {
      return Optional.ofNullable(j.getSpec().getTemplate());
    } else if (object instanceof CronJob c) {
      return Optional.ofNullable(c.getSpec().getJobTemplate().getSpec().getTemplate());
    } else if (object instanceof Pod p) {
      return Optional.of(new PodTemplateSpec(p.getMetadata(), p.getSpec()));
    }
    return Optional.empty();
  }

  private static Deployment component(List<Manifest> manifests, String component) {
    return objects(manifests, Deployment.class).stream()
        .filter(
            d ->
                component.equals(
                    d.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .get("app.kubernetes.io/component")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no Deployment of component " + component));
  }

  private static List<Subject> subjectsOf(HasMetadata binding) {
    if (binding instanceof RoleBinding rb) {
      return rb.getSubjects();
    }
    return ((ClusterRoleBinding) binding).getSubjects();
  }

  private static Optional<Integer> resolvePort(PodSpec pod, IntOrString port) {
    return pod.getContainers().stream()
        .map(c -> resolvePort(c, port))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private static Optional<Integer> resolvePort(Container c, IntOrString port) {
    if (port == null) {
      return Optional.empty();
    }
    if (port.getIntVal() != null) {
      return Optional.of(port.getIntVal());
    }
    return c.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst();
  }

  private static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (!selector.getMatchExpressions().isEmpty()) {
      throw new AssertionError("matchExpressions are not evaluated by this test: " + selector);
    }
    return selects(selector.getMatchLabels(), labels);
  }

  private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector != null
        && !selector.isEmpty()
        && labels != null
        && labels.entrySet().containsAll(selector.entrySet());
  }

  private static <T> List<T> objects(List<Manifest> manifests, Class<T> type) {
    return manifests.stream()
        .map(Manifest::object)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static Set<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(DeployManifestsTest::name).collect(Collectors.toSet());
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  private static Set<String> kinds(List<Manifest> manifests) {
    return manifests.stream().map(Manifest::kind).collect(Collectors.toSet());
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

  private static void assertNoProblems(String env, List<String> problems) {
    if (!problems.isEmpty()) {
      fail(
          "deploy/overlays/"
              + env
              + ":\n  - "
              + String.join("\n  - ", new LinkedHashSet<>(problems)));
    }
  }
}
