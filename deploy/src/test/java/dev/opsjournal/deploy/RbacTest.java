package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Manifests.bindings;
import static dev.opsjournal.deploy.Manifests.name;
import static dev.opsjournal.deploy.Manifests.names;
import static dev.opsjournal.deploy.Manifests.objects;
import static dev.opsjournal.deploy.Manifests.podTemplate;
import static dev.opsjournal.deploy.Manifests.subjectsOf;
import static dev.opsjournal.deploy.Manifests.workloads;
import static dev.opsjournal.deploy.Overlays.NAMESPACES;
import static dev.opsjournal.deploy.Overlays.assertNoProblems;
import static dev.opsjournal.deploy.Overlays.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Least privilege: the collectors read exactly the kinds they watch and write only their Lease;
 * bindings stay inside the overlay; a ServiceAccount without RBAC mounts no API token.
 */
class RbacTest {

  /**
   * What the collectors watch, read-only: group/resource (the default {@code
   * opsjournal.collectors.kubernetes.tracked-kinds}, Argo CD Applications and Events).
   */
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

  /** Bindings: to a role of this overlay, for a ServiceAccount of this overlay's namespace. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void bindingsReferToRolesAndServiceAccountsOfTheOverlay(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    String namespace = NAMESPACES.get(env);
    Set<String> serviceAccounts = names(objects(manifests, ServiceAccount.class));
    Set<String> roles = names(objects(manifests, Role.class));
    Set<String> clusterRoles = names(objects(manifests, ClusterRole.class));

    for (HasMetadata binding : bindings(manifests)) {
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
    assertNoProblems(env, problems);
  }

  /** The server's ServiceAccount needs no API token; the collectors' does. */
  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void aServiceAccountWithoutRbacMountsNoToken(String env) {
    List<String> problems = new ArrayList<>();
    List<Manifest> manifests = rendered(env);
    List<HasMetadata> bindings = bindings(manifests);
    for (Manifest m : workloads(manifests)) {
      PodSpec pod = podTemplate(m.object()).orElseThrow().getSpec();
      boolean readsTheApi =
          bindings.stream()
              .flatMap(b -> subjectsOf(b).stream())
              .anyMatch(s -> s.getName().equals(pod.getServiceAccountName()));
      if (!readsTheApi && !Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
        problems.add(m + ": has no RBAC, so automountServiceAccountToken must be false");
      }
    }
    assertNoProblems(env, problems);
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
}
