package dev.opsjournal.server.report;

import static dev.opsjournal.server.report.Markdown.bold;
import static dev.opsjournal.server.report.Markdown.code;
import static dev.opsjournal.server.report.Prose.format;
import static dev.opsjournal.server.report.Prose.join;
import static dev.opsjournal.server.report.Prose.times;
import static dev.opsjournal.server.report.ReportLimits.EVENTFUL_LINES;
import static dev.opsjournal.server.report.ReportLimits.OBJECT_LINES;

import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.Lifecycle;
import dev.opsjournal.server.report.WeekData.ObjectStory;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * "Ownership": who held each object's tracking, and when it changed hands, told as a story per
 * object.
 */
final class Ownership extends Section {

  Ownership(Week week, Markdown out) {
    super(week, out);
  }

  @Override
  void write() {
    heading("## Ownership");
    if (data.objects().isEmpty()) {
      line("No Application owned an object this week.");
      return;
    }
    line("Who held each object's tracking, and when it changed hands:");
    line();
    List<ObjectStory> stories = data.objects();
    if (stories.size() <= OBJECT_LINES) {
      stories.forEach(this::ownershipLine);
      return;
    }
    List<ObjectStory> eventful = stories.stream().filter(week::eventful).toList();
    eventful.stream().limit(EVENTFUL_LINES).forEach(this::ownershipLine);
    if (eventful.size() > EVENTFUL_LINES) {
      line(
          "- "
              + format(eventful.size() - EVENTFUL_LINES)
              + " more objects changed hands, were deleted or were contested: their stories are"
              + " in their timelines (`/api/v1/resources/timeline`).");
    }
    List<ObjectStory> quiet = stories.stream().filter(story -> !week.eventful(story)).toList();
    if (!quiet.isEmpty()) {
      quietObjects(quiet, eventful.isEmpty());
    }
  }

  /** The objects that kept one owner all week, counted in one line. */
  private void quietObjects(List<ObjectStory> quiet, boolean allQuiet) {
    long before =
        quiet.stream().filter(story -> story.tenures().get(0).from().isBefore(start)).count();
    long owners =
        quiet.stream().map(story -> story.tenures().get(0).application()).distinct().count();
    List<String> how = new ArrayList<>();
    if (before > 0) {
      how.add(format(before) + " held since before the week");
    }
    if (before < quiet.size()) {
      how.add(format(quiet.size() - before) + " owned from when they appeared in it");
    }
    line(
        "- "
            + (allQuiet ? "All " : "The other ")
            + format(quiet.size())
            + " objects kept one owner all week ("
            + (owners == 1 ? "one Application" : format(owners) + " Applications")
            + " in all): "
            + join(how)
            + ".");
  }

  private void ownershipLine(ObjectStory story) {
    line("- " + bold(object(story.resource())) + ": " + ownershipStory(story));
  }

  /** An object's week as sentences in time order, ending with who holds it. */
  private String ownershipStory(ObjectStory story) {
    List<Tenure> tenures = story.tenures();
    List<Conflict> conflicts = week.conflictsOn(story.resource());
    List<Moment> moments = new ArrayList<>();
    deletions(story, moments);
    fights(conflicts, moments);
    tenures(story, conflicts, moments);
    Tenure only = tenures.get(0);
    if (tenures.size() == 1
        && only.from().isBefore(start)
        && only.to() == null
        && moments.size() == 1) {
      return app(only.application()) + " has held it since " + time(only.from()) + ", all week.";
    }
    moments.sort(Comparator.comparing(Moment::at).thenComparing(Moment::order));
    List<String> sentences = new ArrayList<>(moments.stream().map(Moment::text).toList());
    Tenure last = tenures.get(tenures.size() - 1);
    sentences.add(
        last.to() == null
            ? "At the end of the week " + app(last.application()) + " holds it"
            : "Nobody holds it at the end of the week");
    return String.join(". ", sentences) + ".";
  }

  /** Each deletion, and its recreation if one followed. */
  private void deletions(ObjectStory story, List<Moment> moments) {
    List<Tenure> tenures = story.tenures();
    for (Lifecycle l : story.lifecycle()) {
      if (l.kind().equals(ReportProjection.DELETED)) {
        Optional<Lifecycle> back =
            story.lifecycle().stream()
                .filter(r -> r.kind().equals(ReportProjection.RECREATED))
                .filter(r -> r.at().isAfter(l.at()))
                .findFirst();
        moments.add(
            new Moment(
                l.at(),
                1,
                "It was deleted at "
                    + time(l.at())
                    + back.map(
                            r ->
                                " and recreated by "
                                    + code(r.manager())
                                    + " at "
                                    + time(r.at())
                                    + holderAt(tenures, r.at())
                                        .map(h -> ", still " + app(h) + "'s")
                                        .orElse(""))
                        .orElse("")));
      }
    }
  }

  /** Each fight over the object: when it began or went on, how often it changed hands. */
  private void fights(List<Conflict> conflicts, List<Moment> moments) {
    for (Conflict c : conflicts) {
      List<Flip> flips = inWeek(c.flips());
      if (flips.isEmpty()) {
        continue;
      }
      Flip first = flips.get(0);
      Flip last = flips.get(flips.size() - 1);
      moments.add(
          new Moment(
              first.at(),
              2,
              (first.number() == 1
                      ? "At "
                          + time(first.at())
                          + " "
                          + app(first.to())
                          + " took it over"
                          + ", and it changed hands "
                      : "The fight between "
                          + join(apps(c.applications()))
                          + " went on, and it changed hands ")
                  + times(flips.size())
                  + (first.number() == 1 ? " between the two" : " more")
                  + " until "
                  + time(last.at())
                  + ", when "
                  + app(last.to())
                  + " kept it"));
    }
  }

  /** Each tenure's start (unless a fight explains it) and an end nobody took over. */
  private void tenures(ObjectStory story, List<Conflict> conflicts, List<Moment> moments) {
    List<Tenure> tenures = story.tenures();
    Tenure previous = null;
    for (Tenure t : tenures) {
      boolean contested = conflicts.stream().anyMatch(c -> ConflictGroup.contested(c, t.from()));
      if (t.from().isBefore(start)) {
        moments.add(
            new Moment(start, 0, app(t.application()) + " held it since " + time(t.from())));
      } else if (!contested && previous != null && t.from().equals(previous.to())) {
        moments.add(
            new Moment(
                t.from(),
                3,
                "At "
                    + time(t.from())
                    + " it passed from "
                    + app(previous.application())
                    + " to "
                    + app(t.application())));
      } else if (!contested) {
        String creator = creatorAt(story, t.from());
        moments.add(
            new Moment(
                t.from(),
                0,
                app(t.application())
                    + " owned it from "
                    + time(t.from())
                    + (creator.isEmpty() ? "" : ", when " + code(creator) + " created it")));
      }
      if (t.to() != null && tenures.stream().noneMatch(n -> n.from().equals(t.to()))) {
        moments.add(
            new Moment(
                t.to(),
                4,
                "At " + time(t.to()) + " " + app(t.application()) + "'s tracking left it"));
      }
      previous = t;
    }
  }

  private static Optional<String> holderAt(List<Tenure> tenures, Instant at) {
    return tenures.stream()
        .filter(t -> !t.from().isAfter(at) && (t.to() == null || t.to().isAfter(at)))
        .map(Tenure::application)
        .findFirst();
  }

  private static String creatorAt(ObjectStory story, Instant at) {
    return story.lifecycle().stream()
        .filter(l -> l.at().equals(at) && l.kind().equals(ReportProjection.APPEARED))
        .map(Lifecycle::manager)
        .findFirst()
        .orElse("");
  }

  /** A sentence of an object's story, ordered by time and, at one instant, by {@code order}. */
  private record Moment(Instant at, int order, String text) {}
}
