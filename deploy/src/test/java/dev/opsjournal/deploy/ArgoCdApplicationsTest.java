package dev.opsjournal.deploy;

import static dev.opsjournal.deploy.Overlays.ENVIRONMENTS;
import static dev.opsjournal.deploy.Overlays.NAMESPACES;
import static dev.opsjournal.deploy.Overlays.REPO_ROOT;
import static dev.opsjournal.deploy.Overlays.rendered;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/argocd/}: one Application per environment, none sharing a source path or a
 * destination namespace (Week 02), each pointing where its overlay really renders.
 */
class ArgoCdApplicationsTest {

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
      for (Manifest m :
          StrictManifests.parse(REPO_ROOT.relativize(file).toString(), Files.readString(file))) {
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
}
