package dev.opsjournal.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.server.report.WeekData.ApplicationChange;
import dev.opsjournal.server.report.WeekData.Commit;
import dev.opsjournal.server.report.WeekData.Condition;
import dev.opsjournal.server.report.WeekData.Conflict;
import dev.opsjournal.server.report.WeekData.Deployed;
import dev.opsjournal.server.report.WeekData.Drift;
import dev.opsjournal.server.report.WeekData.Environment;
import dev.opsjournal.server.report.WeekData.Flip;
import dev.opsjournal.server.report.WeekData.Lifecycle;
import dev.opsjournal.server.report.WeekData.ObjectStory;
import dev.opsjournal.server.report.WeekData.Ran;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Start;
import dev.opsjournal.server.report.WeekData.Status;
import dev.opsjournal.server.report.WeekData.Sync;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (tag {@code benchmark}, excluded from {@code mvn verify}): renders a
 * synthetic week shaped like the benchmark's (1,000 Applications, 20,000 objects, ~100,000 entries)
 * and prints how long {@link WeeklyJournal#render} took and how long the Markdown is, at 1x and 2x.
 *
 * <pre>
 * mvn -B -o -pl query-api -am test -Dbenchmark.excluded=none -Dtest=WeeklyJournalScaleTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class WeeklyJournalScaleTest {

  static final IsoWeek WEEK = new IsoWeek(2026, 47);
  static final Instant MONDAY = WEEK.start();
  static final String REPO = "https://git.example.com/estate.git";
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final String[] STAGES = {"dev", "staging", "prod"};
  static final String IMAGE = "spec.template.spec.containers[name=web].image";

  @Test
  void renderAt100000EntriesAndTwice() {
    int[] scales = {1, 2};
    for (int scale : scales) {
      WeekData week = week(1000 * scale, 20_000 * scale);
      // warm up once, then the best of three
      long best = Long.MAX_VALUE;
      int length = 0;
      for (int run = 0; run < 4; run++) {
        long started = System.nanoTime();
        String markdown = WeeklyJournal.render(week);
        long took = System.nanoTime() - started;
        length = markdown.length();
        if (run > 0) {
          best = Math.min(best, took);
        }
        if (scale == 1 && run == 0) {
          try {
            java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "scale-weekly-x1.md"), markdown);
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      System.out.printf(
          "RENDER FIGURE x%d: %,d Applications, %,d objects, %,d entries: %.3f s, %,d"
              + " characters%n",
          scale, 1000 * scale, 20_000 * scale, week.entries(), best / 1e9, length);
      assertThat(length).isPositive();
    }
  }

  /** Applications in families of three overlays (dev, staging, prod) of one repository. */
  static WeekData week(int apps, int objects) {
    List<ApplicationChange> changes = new ArrayList<>();
    List<Environment> environments = new ArrayList<>();
    List<ObjectStory> stories = new ArrayList<>();
    List<Drift> drifts = new ArrayList<>();
    List<Conflict> conflicts = new ArrayList<>();
    List<Condition> conditions = new ArrayList<>();
    List<Status> statuses = new ArrayList<>();
    List<Commit> commits = new ArrayList<>();
    Spec[] specs = new Spec[apps];
    List<List<Deployed>> deployed = new ArrayList<>();
    List<List<Sync>> syncs = new ArrayList<>();
    int entries = 0;
    for (int a = 0; a < apps; a++) {
      String name = "argocd/svc-" + a / 3 + "-" + STAGES[a % 3];
      specs[a] =
          new Spec(
              name,
              REPO,
              "apps/svc-" + a / 3 + "/overlays/" + STAGES[a % 3],
              "HEAD",
              "https://kubernetes.default.svc",
              "",
              "ns-" + a,
              true,
              true,
              false);
      Instant at = MONDAY.plusSeconds(a);
      changes.add(new ApplicationChange(at, ReportProjection.REGISTERED, specs[a]));
      Sync sync =
          new Sync(name, SHA, "automated", true, false, "Succeeded", "", at, at.plusSeconds(5));
      Sync heal =
          new Sync(
              name,
              SHA,
              "automated",
              true,
              true,
              "Succeeded",
              "",
              at.plusSeconds(3600),
              at.plusSeconds(3602));
      syncs.add(List.of(sync, heal));
      deployed.add(new ArrayList<>());
      statuses.add(new Status(name, "Synced", SHA, "Healthy", at.plusSeconds(5)));
      entries += 4;
    }
    String[] kinds = {"Deployment", "Service", "ConfigMap"};
    for (int o = 0; o < objects; o++) {
      int owner = o % apps;
      String kind = kinds[o / apps % 3];
      String resource =
          "local/"
              + (kind.equals("Deployment") ? "apps" : "")
              + "/"
              + kind
              + "/ns-"
              + owner
              + "/obj-"
              + o / apps;
      Instant created = MONDAY.plusSeconds(owner).plusSeconds(4);
      String app = specs[owner].application();
      Map<String, List<String>> values = new LinkedHashMap<>();
      if (kind.equals("Deployment")) {
        values.put("spec.replicas", List.of(owner % 3 == 2 ? "3" : "2"));
        values.put(IMAGE, List.of("registry.example.com/web:" + (o % 7 == 0 ? "2" : "1")));
      }
      deployed.get(owner).add(new Deployed(resource, values));
      List<Tenure> tenures = new ArrayList<>();
      List<Lifecycle> lifecycle = new ArrayList<>();
      lifecycle.add(new Lifecycle(created, ReportProjection.APPEARED, "argocd-controller"));
      entries += 5; // appeared, and four status or resync entries
      if (o % 200 == 7) {
        // an ownership flip: the neighbour takes it over, a conflict with a few flips
        String other = specs[(owner + 1) % apps].application();
        Instant flipAt = MONDAY.plus(Duration.ofDays(2)).plusSeconds(o);
        List<Flip> flips = new ArrayList<>();
        for (int f = 1; f <= 4; f++) {
          flips.add(
              new Flip(
                  f,
                  f % 2 == 1 ? app : other,
                  f % 2 == 1 ? other : app,
                  flipAt.plusSeconds(30L * f),
                  null));
        }
        tenures.add(new Tenure(resource, app, created, flipAt.plusSeconds(30)));
        tenures.add(new Tenure(resource, other, flipAt.plusSeconds(30), flipAt.plusSeconds(60)));
        tenures.add(new Tenure(resource, app, flipAt.plusSeconds(60), flipAt.plusSeconds(90)));
        tenures.add(new Tenure(resource, other, flipAt.plusSeconds(90), flipAt.plusSeconds(120)));
        tenures.add(new Tenure(resource, app, flipAt.plusSeconds(120), null));
        conflicts.add(
            new Conflict(
                resource,
                List.of(app, other).stream().sorted().toList(),
                flipAt,
                null,
                null,
                null,
                app,
                flips,
                List.of(app, other).stream().sorted().toList()));
        entries += 8;
      } else {
        tenures.add(new Tenure(resource, app, created, null));
      }
      if (o % 67 == 3) {
        Instant driftAt = MONDAY.plus(Duration.ofDays(3)).plusSeconds(o);
        drifts.add(
            new Drift(
                resource,
                app,
                "LIVE_CHANGE",
                "kubectl-edit",
                List.of("spec.replicas"),
                Map.of("spec.replicas", "5"),
                driftAt,
                driftAt.plusSeconds(4),
                "SELF_HEAL",
                "automated",
                syncs.get(owner).get(1)));
        entries += 3;
      }
      stories.add(new ObjectStory(resource, tenures, lifecycle));
    }
    for (int a = 0; a < apps; a++) {
      environments.add(new Environment(specs[a], "", syncs.get(a), deployed.get(a)));
    }
    for (int c = 0; c < 20; c++) {
      commits.add(
          new Commit(
              REPO + "#main",
              String.format("%040x", c + 1),
              "alice",
              MONDAY.plusSeconds(7200L * c),
              MONDAY.plusSeconds(7200L * c + 10),
              "change " + c,
              List.of(specs[c].application()),
              List.of(new Ran(specs[c].application(), syncs.get(c).get(0)))));
      conditions.add(
          new Condition(
              specs[c].application(),
              "ComparisonError",
              "failed " + c,
              MONDAY.plusSeconds(7200L * c),
              MONDAY.plusSeconds(7200L * c + 60)));
    }
    stories.sort(java.util.Comparator.comparing(ObjectStory::resource, WeekData.BY_OBJECT));
    return new WeekData(
        WEEK,
        null,
        entries,
        new Start(List.of(), List.of(), List.of()),
        changes,
        commits,
        List.of(),
        environments,
        stories,
        drifts,
        conflicts,
        List.of(),
        conditions,
        List.of(),
        statuses);
  }
}
