package dev.opsjournal.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Lookups over one overlay's rendered objects, shared by the test classes. */
final class Manifests {

  private Manifests() {}

  static <T> List<T> objects(List<Manifest> manifests, Class<T> type) {
    return manifests.stream()
        .map(Manifest::object)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  static Set<String> names(List<? extends HasMetadata> objects) {
    return objects.stream().map(Manifests::name).collect(Collectors.toSet());
  }

  static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }

  static Set<String> kinds(List<Manifest> manifests) {
    return manifests.stream().map(Manifest::kind).collect(Collectors.toSet());
  }

  /** The objects that run pods (Deployments here, any workload kind if one is added). */
  static List<Manifest> workloads(List<Manifest> manifests) {
    return manifests.stream().filter(m -> podTemplate(m.object()).isPresent()).toList();
  }

  static Optional<PodTemplateSpec> podTemplate(KubernetesResource object) {
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

  /** The Deployment whose pods carry {@code app.kubernetes.io/component: <component>}. */
  static Deployment component(List<Manifest> manifests, String component) {
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

  /** The RoleBindings and ClusterRoleBindings of an overlay, in that order. */
  static List<HasMetadata> bindings(List<Manifest> manifests) {
    return Stream.concat(
            objects(manifests, RoleBinding.class).stream(),
            objects(manifests, ClusterRoleBinding.class).stream())
        .map(HasMetadata.class::cast)
        .toList();
  }

  static List<Subject> subjectsOf(HasMetadata binding) {
    if (binding instanceof RoleBinding rb) {
      return rb.getSubjects();
    }
    return ((ClusterRoleBinding) binding).getSubjects();
  }

  /** A port (number or name) of any of the pod's containers. */
  static Optional<Integer> resolvePort(PodSpec pod, IntOrString port) {
    return pod.getContainers().stream()
        .map(c -> resolvePort(c, port))
        .flatMap(Optional::stream)
        .findFirst();
  }

  static Optional<Integer> resolvePort(Container c, IntOrString port) {
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

  static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (!selector.getMatchExpressions().isEmpty()) {
      throw new AssertionError("matchExpressions are not evaluated by this test: " + selector);
    }
    return selects(selector.getMatchLabels(), labels);
  }

  static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector != null
        && !selector.isEmpty()
        && labels != null
        && labels.entrySet().containsAll(selector.entrySet());
  }
}
