package dev.opsjournal.server.conflict;

import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/conflicts}: conflicts overlapping [from, to), open or closed. */
@Tag(name = "Conflicts")
@RestController
class ConflictController {

  private final ConflictEpisodes episodes;

  ConflictController(ConflictEpisodes episodes) {
    this.episodes = episodes;
  }

  @Operation(
      summary = "Conflicts between Applications",
      description =
          "Conflicts overlapping the range: the Applications claiming one object, the holder (winner so far) and the losers, the number of flips, and when a reconciliation loop was detected.")
  @GetMapping("/api/v1/conflicts")
  Page<ConflictView> conflicts(
      @Parameter(description = "`true`: only open ones; `false`: only ended ones; absent: both")
          @RequestParam(required = false)
          Boolean open,
      @ParameterObject ListQuery list) {
    return episodes.page(open, list.window(), list.page());
  }
}
