package dev.opsjournal.server.search;

import dev.opsjournal.server.api.BadRequestException;
import dev.opsjournal.server.api.Human;
import dev.opsjournal.server.api.ListQuery;
import dev.opsjournal.server.api.Page;
import dev.opsjournal.server.api.PageRequest;
import dev.opsjournal.server.api.Params;
import dev.opsjournal.server.catalog.Commits;
import dev.opsjournal.server.catalog.Commits.CommitRecord;
import dev.opsjournal.server.drift.DriftEpisodes;
import dev.opsjournal.server.drift.DriftView;
import dev.opsjournal.server.sync.SyncRecords;
import dev.opsjournal.server.sync.SyncRecords.SyncRecord;
import dev.opsjournal.server.timeline.TimelineEntries;
import dev.opsjournal.server.timeline.TimelineEntries.Change;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?actor=}: everything an actor did in [from, to) — commits they authored
 * (by name or email), syncs they started, writes they made as a field manager, drifts they caused.
 * "What did bob change this month?"
 */
@Tag(name = "Search")
@RestController
class ActorSearchController {

  /** The longest range one search covers; page through longer periods range by range. */
  static final Duration MAX_RANGE = Duration.ofDays(92);

  private static final Duration DEFAULT_RANGE = Duration.ofDays(31);

  private static final Comparator<ActorEntryView> IN_ORDER =
      Comparator.comparing(ActorEntryView::at)
          .thenComparing(ActorEntryView::kind)
          .thenComparing(ActorEntryView::subject);

  private final Commits commits;
  private final SyncRecords syncs;
  private final TimelineEntries timeline;
  private final DriftEpisodes drifts;
  private final Clock clock;

  ActorSearchController(
      Commits commits,
      SyncRecords syncs,
      TimelineEntries timeline,
      DriftEpisodes drifts,
      Clock clock) {
    this.commits = commits;
    this.syncs = syncs;
    this.timeline = timeline;
    this.drifts = drifts;
    this.clock = clock;
  }

  @Operation(
      summary = "What an actor did",
      description =
          "Commits they authored, syncs they started, writes they made as a field manager and drifts they caused, in [from, to) — at most 92 days; by default the last 31 days.")
  @GetMapping("/api/v1/search")
  Page<ActorEntryView> search(
      @Parameter(
              description =
                  "A Git author (name or email), an Argo CD user, or a field manager such as `kubectl-edit`")
          @RequestParam(required = false)
          String actor,
      @ParameterObject ListQuery list) {
    if (actor == null || actor.isBlank()) {
      throw new BadRequestException("actor", "the parameter is required");
    }
    Instant end = Params.instant("to", list.to());
    Instant start = Params.instant("from", list.from());
    if (end == null) {
      end = start == null ? clock.instant() : start.plus(DEFAULT_RANGE);
    }
    if (start == null) {
      start = end.minus(DEFAULT_RANGE);
    }
    Params.range(start, end);
    if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
      throw new BadRequestException(
          "from", "a search covers at most " + MAX_RANGE.toDays() + " days");
    }
    PageRequest page = list.page();
    String who = actor.strip();
    // each kind's first offset + fetch entries are enough to know the page's
    int enough = page.offset() + page.fetch();
    List<ActorEntryView> entries = new ArrayList<>();
    commits.authoredBy(who, start, end, enough).forEach(c -> entries.add(commit(c)));
    syncs.startedBy(who, start, end, enough).forEach(s -> entries.add(sync(s)));
    timeline.changesBy(who, start, end, enough).forEach(c -> entries.add(change(c)));
    drifts.causedBy(who, start, end, enough).forEach(d -> entries.add(drift(d)));
    entries.sort(IN_ORDER);
    List<ActorEntryView> rows =
        entries.subList(Math.min(page.offset(), entries.size()), Math.min(enough, entries.size()));
    return page.page(rows);
  }

  private static ActorEntryView commit(CommitRecord c) {
    return new ActorEntryView(
        c.committedAt(),
        "commit",
        c.authorName(),
        c.repoUrl() + "#" + c.branch(),
        Human.revision(c.sha()) + " " + c.message().split("\n", -1)[0],
        "/api/v1/commits/" + c.sha());
  }

  private static ActorEntryView sync(SyncRecord s) {
    String application = s.namespace() + "/" + s.name();
    return new ActorEntryView(
        s.startedAt(),
        "sync",
        s.initiatedBy(),
        application,
        (s.partial() ? "partial sync to " : "sync to ")
            + Human.revision(s.revision())
            + " "
            + s.phase().toLowerCase(Locale.ROOT),
        "/api/v1/applications/" + application + "/syncs");
  }

  private static ActorEntryView change(Change c) {
    String[] key = c.resource().split("/", -1);
    return new ActorEntryView(
        c.at(),
        "change",
        c.manager(),
        c.resource(),
        c.summary(),
        "/api/v1/resources/timeline?cluster=%s&group=%s&kind=%s&namespace=%s&name=%s"
            .formatted(part(key, 0), part(key, 1), part(key, 2), part(key, 3), part(key, 4)));
  }

  private static ActorEntryView drift(DriftView d) {
    return new ActorEntryView(
        d.startedAt(),
        "drift",
        d.actor(),
        d.resource(),
        "drift #"
            + d.episode()
            + " of "
            + d.application()
            + (d.correction() == null
                ? ", open"
                : " ended by " + d.correction().replace('_', ' ').toLowerCase(Locale.ROOT)),
        "/api/v1/drifts?application=" + d.application());
  }

  private static String part(String[] key, int index) {
    return index < key.length ? key[index] : "";
  }
}
