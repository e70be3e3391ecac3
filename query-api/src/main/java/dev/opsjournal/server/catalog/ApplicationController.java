package dev.opsjournal.server.catalog;

import dev.opsjournal.core.application.ApplicationSource;
import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.catalog.ApplicationCatalog.CatalogEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/applications/{namespace}/{name}}: an Application and its sources. */
@Tag(name = "Applications")
@RestController
class ApplicationController {

  private final ApplicationCatalog catalog;

  ApplicationController(ApplicationCatalog catalog) {
    this.catalog = catalog;
  }

  @Operation(
      summary = "An Application with its sources",
      description =
          "Its project, destination and every source (`spec.sources` of a multi-source Application, in order, else `spec.source`), each a Git source or a Helm chart, as last registered.")
  @GetMapping("/api/v1/applications/{namespace}/{name}")
  ApplicationView application(
      @Parameter(description = "Namespace of the Application, e.g. `argocd`") @PathVariable
          String namespace,
      @Parameter(description = "Name of the Application") @PathVariable String name,
      @Parameter(description = "The cluster, when the Application exists in more than one")
          @RequestParam(required = false)
          String cluster) {
    List<CatalogEntry> found = catalog.find(namespace, name, cluster);
    if (found.isEmpty()) {
      throw new NotFoundException(
          "the journal registered no Application " + namespace + "/" + name);
    }
    if (found.size() > 1) {
      throw new BadRequestException(
          "cluster",
          namespace
              + "/"
              + name
              + " exists in clusters "
              + found.stream().map(CatalogEntry::cluster).toList()
              + ": name one");
    }
    CatalogEntry e = found.get(0);
    ApplicationSource s = e.source();
    return new ApplicationView(
        namespace + "/" + name,
        e.cluster(),
        s.project(),
        new ApplicationView.Destination(
            s.destinationServer(), s.destinationName(), s.destinationNamespace()),
        s.allSources().stream()
            .map(
                a ->
                    new ApplicationView.Source(
                        a.git() ? "git" : "helm",
                        a.repoUrl(),
                        a.path(),
                        a.targetRevision(),
                        a.chart(),
                        a.ref()))
            .toList(),
        e.registeredAt(),
        e.deletedAt());
  }
}
