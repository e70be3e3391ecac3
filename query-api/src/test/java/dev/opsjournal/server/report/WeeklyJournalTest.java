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
import dev.opsjournal.server.report.WeekData.Outage;
import dev.opsjournal.server.report.WeekData.Ran;
import dev.opsjournal.server.report.WeekData.Spec;
import dev.opsjournal.server.report.WeekData.Start;
import dev.opsjournal.server.report.WeekData.Status;
import dev.opsjournal.server.report.WeekData.Sync;
import dev.opsjournal.server.report.WeekData.Tenure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WeeklyJournalTest {

  static final IsoWeek WEEK = new IsoWeek(2026, 47);
  static final String DEV = "argocd/web-dev";
  static final String PROD = "argocd/web-prod";
  static final String DEPLOYMENT = "c1/apps/Deployment/web/web";
  static final String SOURCE = "https://git.example.com/apps.git#main";
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final Spec DEV_SPEC = spec(DEV, "envs/dev");
  static final Spec PROD_SPEC = spec(PROD, "envs/prod");

  static final Pattern SECTION = Pattern.compile("    section [^:#;]+");
  static final Pattern TASK =
      Pattern.compile(
          "    ([^:#;]+) : (?:(?:crit|active|done|milestone), )*"
              + "(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d), (\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)");

  @Test
  void givenAWeekWithNothingInIt_whenRendered_thenOneLineSaysSo() {
    assertThat(WeeklyJournal.render(empty(new IsoWeek(2026, 3), null)))
        .isEqualTo("Nothing was journaled in 2026-W03.\n");
    assertThat(WeeklyJournal.render(empty(new IsoWeek(2026, 3), "prod")))
        .isEqualTo("Nothing was journaled in 2026-W03 for cluster `prod`.\n");
  }

  @Test
  void givenAQuietWeekWithAConflictStillOpen_whenRendered_thenItIsAJournalWithTheOpenItem() {
    Conflict carried =
        new Conflict(
            DEPLOYMENT,
            List.of(DEV, PROD),
            at("2026-11-13T09:00:00Z"),
            null,
            null,
            null,
            PROD,
            List.of(),
            List.of(DEV, PROD));
    WeekData quiet = with(empty(WEEK, null), List.of(), List.of(carried), List.of());

    String markdown = WeeklyJournal.render(quiet);

    assertThat(markdown)
        .startsWith("# Journal — 2026-W47 (16–22 November 2026)\n")
        .contains(
            "- Still open: the conflict between web-dev and web-prod (since Fri 13 Nov 2026 09:00:00).")
        .contains(
            "Nothing new: no Application was registered or changed, and no commit was recorded.")
        .contains(
            "- **Conflict** between web-dev and web-prod over Deployment `web/web`, open since Fri"
                + " 13 Nov 2026 09:00:00: web-prod holds it.");
  }

  @Test
  void givenAFullWeek_whenRendered_thenTheSectionsComeInTheJournalsOrder() {
    String markdown = WeeklyJournal.render(fullWeek());

    List<String> headings =
        markdown.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceAll(" —.*", "")).toList();
    assertThat(headings)
        .containsExactly(
            "# Journal",
            "## Starting point",
            "## Introduced",
            "### Applications",
            "### Commits",
            "## Environment differences",
            "## Ownership",
            "## Observed behaviour",
            "### Drift",
            "### Conflict: web-dev vs web-prod",
            "## Failure modes observed",
            "## Open items",
            "## The week at a glance");
    assertThat(markdown).endsWith("```\n").doesNotContain("\n\n\n");
  }

  @Test
  void givenAFullWeek_whenRendered_thenItTellsTheFactsInWords() {
    String markdown = WeeklyJournal.render(fullWeek());

    assertThat(markdown)
        .contains("Cluster `c1`. Times are UTC.")
        .contains(
            "- **web-dev**, registered Mon 09:00:00: `envs/dev` of `https://git.example.com/apps.git`"
                + " at `HEAD`, deployed to namespace `web` on `https://kubernetes.default.svc`;"
                + " automated sync with self-heal and prune.")
        .contains(
            "- Mon 08:00:00 `0123456` by carol: “Run \\*two\\* replicas in prod \\| finally”."
                + " It changes the source of web-dev and web-prod. Deployed by web-dev's auto-sync"
                + " at Mon 09:00:05.")
        .contains("| Deployment `web/web` replicas | 1 | 2 → 3 |")
        .contains(
            "The environments differ in replicas (web-dev 1, web-prod 2 → 3); both have the same"
                + " image (`registry/web:1.0`).")
        .contains(
            "- **Tue 11:00:00**, Deployment `web/web` of web-dev: `kubectl-edit` set"
                + " `spec.replicas` to 5. Argo CD's controller was down from Tue 10:59:00 to Tue"
                + " 11:20:00; self-heal put it back at Tue 11:21:00 (partial sync to `0123456`),"
                + " after **21 min**.")
        .contains(
            "From Wed 09:59:58 web-dev and web-prod both declared Deployment `web/web`, and fought"
                + " over it. At Wed 10:00:00 web-prod's auto-sync took it from web-dev; then each"
                + " Application's self-heal took it back from the other, 3 times each. It changed"
                + " hands 7 times, the last time at Wed 10:00:48; the journal detected a"
                + " reconciliation loop at Wed 10:00:20. Throughout, web-prod took it back within"
                + " 1 s every time, while web-dev waited longer each time, from 5 s to 25 s (Argo"
                + " CD's self-heal backoff).")
        .contains(
            "It is still open at the end of the week: web-prod holds it, and web-dev still"
                + " declares it.")
        .contains(
            "- **web-dev** has been OutOfSync and Healthy since Wed 10:00:41: it lost its objects"
                + " to web-prod.")
        .contains("- **SharedResourceWarning** still raised on web-prod, because of the conflict.");
  }

  @Test
  void givenDurations_whenWritten_thenTheyReadAsPeopleSayThem() {
    assertThat(Prose.duration(Duration.ofSeconds(4))).isEqualTo("4 s");
    assertThat(Prose.duration(Duration.ofMinutes(21))).isEqualTo("21 min");
    assertThat(Prose.duration(Duration.ofSeconds(29 * 60 + 4))).isEqualTo("29 min 4 s");
    assertThat(Prose.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    assertThat(Prose.duration(Duration.ofHours(3))).isEqualTo("3 h");
    assertThat(Prose.duration(Duration.ofHours(76))).isEqualTo("3 d 4 h");
    assertThat(Prose.about(Duration.ofSeconds(299))).isEqualTo("about 5 min");
    assertThat(Prose.about(Duration.ofMinutes(5))).isEqualTo("5 min");
    assertThat(Prose.about(Duration.ofSeconds(3))).isEqualTo("3 s");
  }

  @Test
  void givenAFullWeek_whenRendered_thenTheMermaidGanttIsWellFormed() {
    String markdown = WeeklyJournal.render(fullWeek());

    List<String> block = mermaid(markdown);
    assertThat(block.get(0)).isEqualTo("gantt");
    assertThat(block).contains("    dateFormat YYYY-MM-DDTHH:mm:ss", "    todayMarker off");
    List<String> body = block.subList(block.indexOf("    todayMarker off") + 1, block.size());
    assertThat(body.get(0)).startsWith("    section ");
    assertThat(body)
        .contains(
            "    section Deployment web/web",
            "    section Drift",
            "    section Outages",
            "    web-dev : 2026-11-16T09:00:03, 2026-11-18T10:00:00");
    for (String line : body) {
      if (line.startsWith("    section ")) {
        assertThat(line).matches(SECTION);
        continue;
      }
      var task = TASK.matcher(line);
      assertThat(task.matches()).as("a Gantt task: %s", line).isTrue();
      Instant from = Instant.parse(task.group(2) + "Z");
      Instant to = Instant.parse(task.group(3) + "Z");
      assertThat(to).as(line).isAfterOrEqualTo(from);
      assertThat(from).as(line).isBetween(WEEK.start(), WEEK.end());
      assertThat(to).as(line).isBetween(WEEK.start(), WEEK.end());
    }
  }

  @Test
  void givenTwoClusters_whenCharted_thenColonsNeverReachMermaid() {
    WeekData week = fullWeek();
    List<ObjectStory> objects = new ArrayList<>(week.objects());
    objects.add(
        new ObjectStory(
            "c2/apps/Deployment/web/web",
            List.of(
                new Tenure("c2/apps/Deployment/web/web", PROD, at("2026-11-17T08:00:00Z"), null)),
            List.of()));
    WeekData twoClusters =
        new WeekData(
            week.week(),
            null,
            week.entries(),
            week.start(),
            week.applicationChanges(),
            week.commits(),
            week.rewrites(),
            week.environments(),
            objects,
            week.drifts(),
            week.conflicts(),
            week.outages(),
            week.conditions(),
            week.failedSyncs(),
            week.statusAtEnd());

    String markdown = WeeklyJournal.render(twoClusters);

    assertThat(markdown).contains("**Deployment `c2:web/web`**");
    assertThat(mermaid(markdown)).contains("    section Deployment c2 web/web");
    assertThat(mermaid(markdown).stream().filter(l -> l.contains(" : ")))
        .allMatch(l -> l.substring(0, l.indexOf(" : ")).indexOf(':') < 0);
  }

  @Test
  void givenOverlayPaths_whenGrouped_thenEnvironmentsOfOneSourceAreOneFamily() {
    assertThat(Families.familyPath("apps/ops-journal/overlays/dev")).isEqualTo("apps/ops-journal");
    assertThat(Families.familyPath("apps/ops-journal/overlays/staging/"))
        .isEqualTo("apps/ops-journal");
    assertThat(Families.familyPath("envs/prod")).isEqualTo("");
    assertThat(Families.familyPath("web/prod")).isEqualTo("web");
    assertThat(Families.familyPath("charts/web")).isEqualTo("charts/web");
    assertThat(Families.familyPath("apps/app-7")).isEqualTo("apps/app-7");
    assertThat(Families.family(spec(DEV, "envs/dev")))
        .isEqualTo(Families.family(spec(PROD, "envs/prod")))
        .isEqualTo(
            Families.family(
                new Spec(
                    PROD,
                    "https://GIT.example.com/apps.git/",
                    "envs/prod",
                    "v1",
                    "",
                    "",
                    "web",
                    false,
                    false,
                    false)));
    assertThat(Families.family(spec(DEV, "apps/web")))
        .isNotEqualTo(Families.family(spec(PROD, "apps/api")));
    // one chart deployed to several places is one family too
    assertThat(Families.family(spec(DEV, "charts/web")))
        .isEqualTo(Families.family(spec(PROD, "charts/web")));
  }

  @Test
  void givenFamiliesAndLoneApplications_whenRendered_thenOneTablePerFamilyAndOneLinePerLoneOne() {
    Spec api = spec("argocd/api", "apps/api");
    List<Environment> environments =
        List.of(
            environment(spec("argocd/web-dev", "apps/web/overlays/dev"), 2, "1"),
            environment(api, 3, "1"),
            environment(spec("argocd/web-prod", "apps/web/overlays/prod"), 2, "3"),
            environment(spec("argocd/db-dev", "apps/db/overlays/dev"), 1, "1"),
            environment(spec("argocd/db-prod", "apps/db/overlays/prod"), 1, "1"));

    String markdown = WeeklyJournal.render(withEnvironments(environments));

    String section = section(markdown, "## Environment differences");
    assertThat(section.lines().filter(l -> l.startsWith("### ")))
        .containsExactly(
            "### `apps/web` of `https://git.example.com/apps.git`",
            "### `apps/db` of `https://git.example.com/apps.git`");
    assertThat(section)
        .contains("|  | web-dev | web-prod |")
        .contains("|  | db-dev | db-prod |")
        .doesNotContain("|  | web-dev | api")
        .contains(
            "The environments differ in Deployment `ns/obj-0` replicas (web-dev 1, web-prod 3)"
                + " and Deployment `ns/obj-1` replicas (web-dev 1, web-prod 3).")
        .contains("Nothing to compare for this Application, the only one deploying its source:")
        .contains(
            "- **api**: `apps/api` to namespace `web`, 3 objects; revisions synced: `0123456`:"
                + " auto-sync Mon 09:00:05.");
    // a table row has a cell per member of its family, never one per Application of the week
    assertThat(section.lines().filter(l -> l.startsWith("|")))
        .allMatch(l -> l.split(" \\| ", -1).length == 3);
  }

  @Test
  void givenAFamilyWithManyRows_whenRendered_thenOnlyTheRowsThatDifferAreShownAndTheRestCounted() {
    int objects = ReportLimits.TABLE_ROWS + 30;
    List<Deployed> dev = new ArrayList<>();
    List<Deployed> prod = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      String resource = "c1/apps/Deployment/ns/obj-" + i;
      dev.add(new Deployed(resource, Map.of("spec.replicas", List.of("1"))));
      prod.add(new Deployed(resource, Map.of("spec.replicas", List.of(i < 3 ? "2" : "1"))));
    }
    prod.add(new Deployed("c1//Service/ns/only-prod", Map.of()));
    WeekData week =
        withEnvironments(
            List.of(
                new Environment(DEV_SPEC, "", List.of(), dev),
                new Environment(PROD_SPEC, "", List.of(), prod)));

    String section = section(WeeklyJournal.render(week), "## Environment differences");

    assertThat(
            section.lines().filter(l -> l.startsWith("| Deployment") || l.startsWith("| Service")))
        .containsExactly(
            "| Deployment `ns/obj-0` replicas | 1 | 2 |",
            "| Deployment `ns/obj-1` replicas | 1 | 2 |",
            "| Deployment `ns/obj-2` replicas | 1 | 2 |",
            "| Service `ns/only-prod` | — | deployed |");
    assertThat(section)
        .contains(
            "The table shows 4 of its 81 rows; left out: 77 rows where every Application deployed"
                + " the same.")
        .contains("both have the same Deployment `ns/obj-10` replicas (1),")
        .contains(" and 67 more fields.");
  }

  @Test
  void givenAFamilyWithManyRowsThatDiffer_whenRendered_thenTheTableStopsAtItsCap() {
    List<Deployed> dev = new ArrayList<>();
    List<Deployed> prod = new ArrayList<>();
    for (int i = 0; i < 2 * ReportLimits.TABLE_ROWS; i++) {
      String resource = "c1/apps/Deployment/ns/obj-" + i;
      dev.add(new Deployed(resource, Map.of("spec.replicas", List.of("1"))));
      prod.add(new Deployed(resource, Map.of("spec.replicas", List.of("2"))));
    }
    WeekData week =
        withEnvironments(
            List.of(
                new Environment(DEV_SPEC, "", List.of(), dev),
                new Environment(PROD_SPEC, "", List.of(), prod)));

    String section = section(WeeklyJournal.render(week), "## Environment differences");

    assertThat(section.lines().filter(l -> l.startsWith("| Deployment")))
        .hasSize(ReportLimits.TABLE_ROWS);
    assertThat(section)
        .contains("The table shows 50 of its 100 rows; left out: 50 more that differ.")
        .contains(" and 90 more fields.");
  }

  @Test
  void givenManyQuietObjects_whenRendered_thenOwnershipAndTheChartKeepTheEventfulOnesAndCount() {
    WeekData full = fullWeek();
    List<ObjectStory> objects = new ArrayList<>(full.objects());
    int quiet = ReportLimits.OBJECT_LINES + 100;
    for (int i = 0; i < quiet; i++) {
      String resource = "c1//ConfigMap/web/config-" + i;
      Instant from = i % 2 == 0 ? at("2026-11-10T08:00:00Z") : at("2026-11-16T10:00:00Z");
      objects.add(
          new ObjectStory(resource, List.of(new Tenure(resource, DEV, from, null)), List.of()));
    }
    WeekData busy =
        new WeekData(
            full.week(),
            full.cluster(),
            full.entries(),
            full.start(),
            full.applicationChanges(),
            full.commits(),
            full.rewrites(),
            full.environments(),
            objects,
            full.drifts(),
            full.conflicts(),
            full.outages(),
            full.conditions(),
            full.failedSyncs(),
            full.statusAtEnd());

    String markdown = WeeklyJournal.render(busy);

    String ownership = section(markdown, "## Ownership");
    assertThat(ownership.lines().filter(l -> l.startsWith("- ")))
        .hasSize(2)
        .first(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("- **Deployment `web/web`**: web-dev owned it from Mon 09:00:03");
    assertThat(ownership)
        .contains(
            "- The other 150 objects kept one owner all week (one Application in all): 75 held"
                + " since before the week and 75 owned from when they appeared in it.");
    assertThat(markdown)
        .contains(
            "The chart shows 1 of the 151 objects (those that changed hands, were deleted or were"
                + " contested); the sections above tell the rest.");
    assertThat(mermaid(markdown).stream().filter(l -> l.startsWith("    section ")))
        .containsExactly(
            "    section Deployment web/web", "    section Drift", "    section Outages");
  }

  // --- a small week: two Applications, a drift during a controller outage, a short fight ---

  private static WeekData fullWeek() {
    Sync devSync = sync(DEV, false, "2026-11-16T09:00:02Z", "2026-11-16T09:00:05Z");
    Sync heal = sync(DEV, true, "2026-11-17T11:20:58Z", "2026-11-17T11:21:00Z");
    List<Flip> flips = new ArrayList<>();
    Instant t = at("2026-11-18T10:00:00Z");
    for (int i = 1; i <= 7; i++) {
      String to = i % 2 == 1 ? PROD : DEV;
      flips.add(new Flip(i, i % 2 == 1 ? DEV : PROD, to, t, sync(to, i > 1, t, t)));
      t = t.plusSeconds(i % 2 == 1 ? 5L * i : 1);
    }
    Conflict conflict =
        new Conflict(
            DEPLOYMENT,
            List.of(DEV, PROD),
            at("2026-11-18T09:59:58Z"),
            at("2026-11-18T10:00:20Z"),
            null,
            null,
            flips.get(flips.size() - 1).to(),
            flips,
            List.of(DEV, PROD));
    Drift drift =
        new Drift(
            DEPLOYMENT,
            DEV,
            "LIVE_CHANGE",
            "kubectl-edit",
            List.of("spec.replicas"),
            Map.of("spec.replicas", "5"),
            at("2026-11-17T11:00:00Z"),
            at("2026-11-17T11:21:00Z"),
            "SELF_HEAL",
            "automated",
            heal);
    Outage controller =
        new Outage(
            WeekData.CONTROLLER,
            "c1",
            at("2026-11-17T10:59:00Z"),
            at("2026-11-17T11:08:00Z"),
            at("2026-11-17T11:20:00Z"),
            "no Application reconciled");
    return new WeekData(
        WEEK,
        "c1",
        42,
        new Start(List.of(), List.of(), List.of()),
        List.of(
            new ApplicationChange(at("2026-11-16T09:00:00Z"), "REGISTERED", DEV_SPEC),
            new ApplicationChange(at("2026-11-18T09:59:58Z"), "REGISTERED", PROD_SPEC)),
        List.of(
            new Commit(
                SOURCE,
                SHA,
                "carol",
                at("2026-11-16T08:00:00Z"),
                at("2026-11-16T08:00:30Z"),
                "Run *two* replicas in prod | finally\n\nBecause.",
                List.of(DEV, PROD),
                List.of(new Ran(DEV, devSync)))),
        List.of(),
        List.of(
            new Environment(
                DEV_SPEC,
                "",
                List.of(devSync, heal),
                List.of(
                    new Deployed(
                        DEPLOYMENT,
                        Map.of(
                            "spec.replicas",
                            List.of("1"),
                            "spec.template.spec.containers[name=web].image",
                            List.of("registry/web:1.0"))))),
            new Environment(
                PROD_SPEC,
                "",
                List.of(sync(PROD, false, "2026-11-18T10:00:00Z", "2026-11-18T10:00:01Z")),
                List.of(
                    new Deployed(
                        DEPLOYMENT,
                        Map.of(
                            "spec.replicas",
                            List.of("2", "3"),
                            "spec.template.spec.containers[name=web].image",
                            List.of("registry/web:1.0")))))),
        List.of(
            new ObjectStory(
                DEPLOYMENT,
                List.of(
                    new Tenure(
                        DEPLOYMENT, DEV, at("2026-11-16T09:00:03Z"), at("2026-11-18T10:00:00Z")),
                    new Tenure(DEPLOYMENT, PROD, at("2026-11-18T10:00:00Z"), null)),
                List.of(
                    new Lifecycle(at("2026-11-16T09:00:03Z"), "APPEARED", "argocd-controller")))),
        List.of(drift),
        List.of(conflict),
        List.of(controller),
        List.of(
            new Condition(
                PROD,
                "SharedResourceWarning",
                "Deployment/web is part of applications argocd/web-dev and web-prod",
                at("2026-11-18T09:59:58Z"),
                null)),
        List.of(),
        List.of(
            new Status(DEV, "OutOfSync", SHA, "Healthy", at("2026-11-18T10:00:41Z")),
            new Status(PROD, "Synced", SHA, "Healthy", at("2026-11-18T10:00:01Z"))));
  }

  private static WeekData empty(IsoWeek week, String cluster) {
    return new WeekData(
        week,
        cluster,
        0,
        new Start(List.of(), List.of(), List.of()),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  private static WeekData with(
      WeekData week, List<Drift> drifts, List<Conflict> conflicts, List<Outage> outages) {
    return new WeekData(
        week.week(),
        week.cluster(),
        week.entries(),
        week.start(),
        week.applicationChanges(),
        week.commits(),
        week.rewrites(),
        week.environments(),
        week.objects(),
        drifts,
        conflicts,
        outages,
        week.conditions(),
        week.failedSyncs(),
        week.statusAtEnd());
  }

  private static Environment environment(Spec spec, int objects, String replicas) {
    List<Deployed> deployed = new ArrayList<>();
    for (int i = 0; i < objects; i++) {
      deployed.add(
          new Deployed(
              "c1/apps/Deployment/ns/obj-" + i, Map.of("spec.replicas", List.of(replicas))));
    }
    return new Environment(
        spec,
        "",
        List.of(sync(spec.application(), false, "2026-11-16T09:00:02Z", "2026-11-16T09:00:05Z")),
        deployed);
  }

  private static WeekData withEnvironments(List<Environment> environments) {
    WeekData full = fullWeek();
    return new WeekData(
        full.week(),
        full.cluster(),
        full.entries(),
        full.start(),
        List.of(),
        List.of(),
        List.of(),
        environments,
        full.objects(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }

  /** From a {@code ##} heading to the next one. */
  private static String section(String markdown, String heading) {
    int from = markdown.indexOf(heading + "\n");
    assertThat(from).as(heading).isNotNegative();
    int to = markdown.indexOf("\n## ", from + heading.length());
    return markdown.substring(from, to < 0 ? markdown.length() : to);
  }

  private static List<String> mermaid(String markdown) {
    List<String> lines = markdown.lines().toList();
    int open = lines.indexOf("```mermaid");
    assertThat(open).as("a mermaid block").isNotNegative();
    int close = lines.subList(open + 1, lines.size()).indexOf("```");
    assertThat(close).as("the mermaid block is closed").isNotNegative();
    return lines.subList(open + 1, open + 1 + close);
  }

  private static Spec spec(String application, String path) {
    return new Spec(
        application,
        "https://git.example.com/apps.git",
        path,
        "HEAD",
        "https://kubernetes.default.svc",
        "",
        "web",
        true,
        true,
        true);
  }

  private static Sync sync(String application, boolean partial, String started, String finished) {
    return sync(application, partial, at(started), at(finished));
  }

  private static Sync sync(String application, boolean partial, Instant started, Instant finished) {
    return new Sync(
        application, SHA, "automated", true, partial, "Succeeded", "", started, finished);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}
