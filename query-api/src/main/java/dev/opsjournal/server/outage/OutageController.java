package dev.opsjournal.server.outage;

import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/outages}: controller outages, and Git outages as the Git collector and as Argo
 * CD saw them, overlapping [from, to).
 */
@Tag(name = "Outages")
@RestController
class OutageController {

  private final Outages outages;

  OutageController(Outages outages) {
    this.outages = outages;
  }

  @Operation(
      summary = "Windows when desired state was not enforced or Git was unreachable",
      description =
          "Argo CD's controller silent while collectors were alive, Git sources our Git collector could not fetch, and Git repositories Argo CD could not read (from the first Application reporting it to the last one clearing it).")
  @GetMapping("/api/v1/outages")
  Page<OutageView> outages(
      @Parameter(
              description =
                  "`controller` (Argo CD did not reconcile), `git-source` (the Git collector could not fetch a repository) or `git-argo-cd` (Argo CD's Applications reported that the repo-server could not read a repository); absent: all")
          @RequestParam(required = false)
          String kind,
      @ParameterObject ListQuery list) {
    if (kind != null && !Outages.KINDS.contains(kind)) {
      throw new BadRequestException("kind", "must be one of " + Outages.KINDS);
    }
    return outages.page(kind, list.window(), list.page());
  }
}
