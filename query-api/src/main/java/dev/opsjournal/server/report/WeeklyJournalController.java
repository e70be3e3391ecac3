package dev.opsjournal.server.report;

import dev.opsjournal.server.api.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/journal/weekly?week=2026-W47[&cluster=local]}: one ISO week of the journal as
 * Markdown. The current week is told so far; a week that has not begun is refused.
 */
@Tag(name = "Journal")
@RestController
class WeeklyJournalController {

  static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

  private final WeeklyJournalService journal;

  WeeklyJournalController(WeeklyJournalService journal) {
    this.journal = journal;
  }

  @Operation(
      summary = "The weekly journal as Markdown",
      description =
          "One ISO week of the journal, written as a team would keep it: starting point, what was"
              + " introduced, environment differences, ownership, observed behaviour, failure modes,"
              + " open items and a Mermaid chart. A week with nothing in it is one line; a week that"
              + " has not begun is a 400.")
  @GetMapping("/api/v1/journal/weekly")
  ResponseEntity<String> weekly(
      @Parameter(description = "The ISO week, e.g. `2026-W47`") @RequestParam(required = false)
          String week,
      @Parameter(description = "Only this cluster; absent: all clusters")
          @RequestParam(required = false)
          String cluster) {
    if (week == null || week.isBlank()) {
      throw new BadRequestException("week", "the parameter is required, e.g. week=2026-W47");
    }
    if (cluster != null && (cluster.isBlank() || cluster.contains("/"))) {
      throw new BadRequestException("cluster", "'" + cluster + "' is not a cluster name");
    }
    IsoWeek isoWeek;
    try {
      isoWeek = journal.week(week);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("week", e.getMessage());
    }
    return ResponseEntity.ok().contentType(MARKDOWN).body(journal.render(isoWeek, cluster));
  }
}
