package dev.opsjournal.server.conflict;

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
 * {@code GET /api/v1/conflicts}: conflicts overlapping [from, to), open or closed; or, with {@code
 * at}, those in progress at that instant as they stood then.
 */
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
      @Parameter(
              description =
                  "As of this instant (ISO-8601 UTC): the conflicts in progress then, each with its holder then and its flips so far; not with `from`, `to` or `open`")
          @RequestParam(required = false)
          String at,
      @ParameterObject ListQuery list) {
    Instant asOf = Params.asOf(at, list, open);
    return asOf != null
        ? episodes.pageAt(asOf, list.page())
        : episodes.page(open, list.window(), list.page());
  }
}
