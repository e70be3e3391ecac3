package dev.opsjournal.server.drift;

import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/drifts}: drift episodes overlapping [from, to), optionally of one Application
 * ({@code namespace/name}) and only open or only closed ones; or, with {@code at}, those open at
 * that instant.
 */
@Tag(name = "Drift")
@RestController
class DriftController {

  private final DriftEpisodes episodes;

  DriftController(DriftEpisodes episodes) {
    this.episodes = episodes;
  }

  @Operation(
      summary = "Drift episodes",
      description =
          "Episodes overlapping the range: what moved (fields), who moved it (field manager), the evidence, how it ended and how long it lasted.")
  @GetMapping("/api/v1/drifts")
  Page<DriftView> drifts(
      @Parameter(description = "Only drifts of this Application, as `namespace/name`")
          @RequestParam(required = false)
          String application,
      @Parameter(description = "`true`: only open ones; `false`: only ended ones; absent: both")
          @RequestParam(required = false)
          Boolean open,
      @Parameter(
              description =
                  "As of this instant (ISO-8601 UTC): the drifts open then (started, not yet corrected); not with `from`, `to` or `open`")
          @RequestParam(required = false)
          String at,
      @ParameterObject ListQuery list) {
    Instant asOf = Params.asOf(at, list, open);
    return asOf != null
        ? episodes.pageAt(application, asOf, list.page())
        : episodes.page(application, open, list.window(), list.page());
  }
}
