package dev.opsjournal.collectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ListRequestsTest {

  @Test
  void listsOfCoreAndGroupedResourcesInEveryOrOneNamespace() {
    assertThat(ListRequests.listed(URI.create("https://k8s/api/v1/configmaps?resourceVersion=0")))
        .hasValue("/configmaps");
    assertThat(ListRequests.listed(URI.create("https://k8s/api/v1/namespaces/shop/configmaps")))
        .hasValue("/configmaps");
    assertThat(ListRequests.listed(URI.create("https://k8s/apis/apps/v1/deployments?limit=500")))
        .hasValue("apps/deployments");
    assertThat(
            ListRequests.listed(
                URI.create("https://k8s/apis/argoproj.io/v1alpha1/namespaces/argocd/applications")))
        .hasValue("argoproj.io/applications");
    assertThat(ListRequests.listed(URI.create("https://k8s/api/v1/namespaces")))
        .hasValue("/namespaces");
  }

  @Test
  void watchesAndSingleObjectsAreNoLists() {
    assertThat(
            ListRequests.listed(
                URI.create(
                    "https://k8s/api/v1/configmaps?allowWatchBookmarks=true&resourceVersion=1&watch=true")))
        .isEmpty();
    assertThat(ListRequests.listed(URI.create("https://k8s/api/v1/namespaces/shop"))).isEmpty();
    assertThat(
            ListRequests.listed(
                URI.create("https://k8s/apis/coordination.k8s.io/v1/namespaces/ops/leases/lead")))
        .isEmpty();
    assertThat(ListRequests.listed(URI.create("https://k8s/version"))).isEmpty();
  }
}
