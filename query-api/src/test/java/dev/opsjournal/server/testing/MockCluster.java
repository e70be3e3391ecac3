package dev.opsjournal.server.testing;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;

/**
 * The cluster of the pipeline tests: fabric8's mock API server in CRUD mode, started at once (it
 * must be up before the Spring context starts), and a client of it.
 */
public final class MockCluster implements AutoCloseable {

  private final KubernetesMockServer server =
      new KubernetesMockServer(
          new Context(),
          new MockWebServer(),
          new HashMap<>(),
          new KubernetesCrudDispatcher(),
          false);
  private final KubernetesClient client;

  private MockCluster() {
    server.init();
    client = server.createClient();
  }

  public static MockCluster start() {
    return new MockCluster();
  }

  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
