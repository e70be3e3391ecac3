package dev.opsjournal.server;

import static dev.opsjournal.core.scenario.Week02.DEPLOYMENT;
import static dev.opsjournal.core.scenario.Week02.DEV;
import static dev.opsjournal.core.scenario.Week02.FLIPS;
import static dev.opsjournal.core.scenario.Week02.SERVICE;
import static dev.opsjournal.core.scenario.Week02.STAGING;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.scenario.Week02;
import dev.opsjournal.server.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The six questions of {@code shared/scenarios/week-02.md}, and more, asked through the REST API of
 * a journal that holds the Week 02 week. Subclasses decide how the week got there: published as
 * observations ({@link Week02JournalIT}) or observed by the collectors on a mock cluster and a Git
 * repository ({@link Week02PipelineIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class Week02Questions {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  /** The sha of commit c1, c2 or c3 of the week, as the journal recorded it. */
  abstract String commit(int number);

  /** The Git source of the week, {@code <repoUrl>#main}, as the journal recorded it. */
  abstract String gitSource();

  @BeforeAll
  void authorize() {
    TestTokens.authorized(http);
  }

  @Test
  @Order(1)
  void q1_onTuesdayNoonTheDeploymentBelongedToDevAlone() {
    JsonNode owners = owners(DEPLOYMENT, "2026-11-17T12:00:00Z");

    assertThat(owners.get("inConflict").asBoolean()).isFalse();
    assertThat(owners.get("owners")).hasSize(1);
    JsonNode owner = owners.get("owners").get(0);
    assertThat(owner.get("application").asText()).isEqualTo(DEV);
    assertThat(owner.get("holder").asBoolean()).isTrue();
    assertThat(owner.get("tracking").asText()).isEqualTo("ANNOTATION");
    assertThat(owner.get("since").asText()).isEqualTo("2026-11-16T10:05:03Z");
    assertThat(texts(owners.get("declaredBy"))).containsExactly(DEV);
  }

  @Test
  @Order(2)
  void q2_onWednesdayAtTenDevAndStagingWereInConflictWithStagingHolding() {
    JsonNode owners = owners(DEPLOYMENT, "2026-11-18T10:00:00Z");

    assertThat(owners.get("inConflict").asBoolean()).isTrue();
    assertThat(owners.get("owners").get(0).get("application").asText()).isEqualTo(STAGING);
    assertThat(owners.get("owners").get(0).get("holder").asBoolean()).isTrue();
    assertThat(owners.get("owners").get(1).get("application").asText()).isEqualTo(DEV);
    assertThat(owners.get("owners").get(1).get("holder").asBoolean()).isFalse();
    assertThat(texts(owners.get("declaredBy"))).containsExactly(DEV, STAGING);
    JsonNode conflict = owners.get("conflict");
    assertThat(conflict.get("holder").asText()).isEqualTo(STAGING);
    assertThat(texts(conflict.get("applications"))).containsExactly(DEV, STAGING);
    assertThat(conflict.get("flipsSoFar").asInt()).isEqualTo(FLIPS);
    assertThat(conflict.get("loopDetected").asBoolean()).isTrue();
  }

  @Test
  @Order(3)
  void q3_theWeekHadThreeDriftsEachCausedAndCorrectedAsTheTeamSawIt() {
    JsonNode drifts =
        get("/api/v1/drifts?from=2026-11-16T00:00:00Z&to=2026-11-21T00:00:00Z").get("items");

    assertThat(drifts).hasSize(3);
    assertDrift(
        drifts.get(0),
        DEPLOYMENT,
        DEV,
        "LIVE_CHANGE",
        "kubectl",
        "2026-11-17T11:00:00Z",
        Duration.ofSeconds(4));
    assertThat(texts(drifts.get(0).get("fields"))).containsExactly("spec.replicas");
    assertDrift(
        drifts.get(1),
        SERVICE,
        DEV,
        "DELETION",
        "unknown",
        "2026-11-17T14:00:00Z",
        Duration.ofSeconds(3));
    assertDrift(
        drifts.get(2),
        DEPLOYMENT,
        STAGING,
        "LIVE_CHANGE",
        "kubectl-set",
        "2026-11-19T10:10:00Z",
        Duration.ofMinutes(21));
    assertThat(texts(drifts.get(2).get("fields")))
        .containsExactly("spec.template.spec.containers[name=ops-journal].image");
    for (JsonNode drift : drifts) {
      assertThat(drift.get("correction").asText()).isEqualTo("SELF_HEAL");
      assertThat(drift.get("correctedBy").asText()).isEqualTo("automated");
    }
    assertThat(get("/api/v1/drifts?open=true").get("items")).isEmpty();
    assertThat(get("/api/v1/drifts?application=" + STAGING).get("items")).hasSize(1);
  }

  @Test
  @Order(4)
  void q4_theConflictStartedWednesdayFlippedAndIsStillOpenWithStagingWinning() {
    JsonNode conflicts = get("/api/v1/conflicts?open=true").get("items");

    assertThat(conflicts).hasSize(2);
    List<String> resources = new ArrayList<>();
    for (JsonNode conflict : conflicts) {
      resources.add(conflict.get("resource").asText());
      assertThat(Instant.parse(conflict.get("startedAt").asText()))
          .isBetween(Instant.parse("2026-11-18T09:05:00Z"), Week02.CONFLICT_START);
      assertThat(conflict.get("flips").asInt()).isEqualTo(FLIPS);
      assertThat(conflict.get("holder").asText()).isEqualTo(STAGING);
      assertThat(texts(conflict.get("losers"))).containsExactly(DEV);
      assertThat(conflict.get("open").asBoolean()).isTrue();
      assertThat(Instant.parse(conflict.get("loopDetectedAt").asText()))
          .isBetween(Week02.CONFLICT_START, Instant.parse("2026-11-18T09:10:00Z"));
    }
    assertThat(resources).containsExactlyInAnyOrder(DEPLOYMENT.toString(), SERVICE.toString());
  }

  @Test
  @Order(5)
  void q5_onTuesdayDevRanCommitC2ByBob() {
    JsonNode tuesday =
        get("/api/v1/applications/argocd/ops-journal-dev/syncs?from=2026-11-17T00:00:00Z&to=2026-11-18T00:00:00Z")
            .get("items");

    assertThat(tuesday).hasSize(2); // the two self-heals, which Argo CD's own history leaves out
    for (JsonNode sync : tuesday) {
      assertThat(sync.get("revision").asText()).isEqualTo(commit(2));
      assertThat(sync.get("partial").asBoolean()).isTrue();
      assertThat(sync.get("phase").asText()).isEqualTo("Succeeded");
      assertThat(sync.get("commit").get("author").asText()).isEqualTo("bob");
    }
    JsonNode deploy =
        get("/api/v1/applications/argocd/ops-journal-dev/syncs?to=2026-11-17T00:00:00Z")
            .get("items");
    assertThat(deploy).hasSize(1);
    assertThat(deploy.get(0).get("revision").asText()).isEqualTo(commit(2));
    assertThat(deploy.get(0).get("partial").asBoolean()).isFalse();
    assertThat(deploy.get(0).get("initiatedBy").asText()).isEqualTo("automated");
    assertThat(deploy.get(0).get("commit").get("author").asText()).isEqualTo("bob");
    assertThat(deploy.get(0).get("commit").get("message").asText())
        .isEqualTo("Deploy ops-journal to dev with Argo CD");

    // the commits reached no Application: c1 came before any, c2 and c3 touch only platform/gitops
    for (String sha : List.of(commit(1), commit(2), commit(3))) {
      assertThat(
              jdbc.queryForObject(
                  "select cardinality(affected_applications) from git_commit where sha = ?",
                  Integer.class,
                  sha))
          .as("applications reached by %s", sha)
          .isZero();
    }
  }

  @Test
  @Order(6)
  void q6_desiredStateWasNotEnforcedThursday10To1030AndGitWasDown15To1520() {
    JsonNode outages =
        get("/api/v1/outages?from=2026-11-16T00:00:00Z&to=2026-11-21T00:00:00Z").get("items");

    assertThat(outages).hasSize(3);
    JsonNode controller = outages.get(0);
    assertThat(controller.get("kind").asText()).isEqualTo("controller");
    assertThat(controller.get("subject").asText()).isEqualTo(Week02.CLUSTER);
    assertThat(controller.get("startedAt").asText()).isEqualTo("2026-11-19T10:00:00Z");
    assertThat(controller.get("endedAt").asText()).isEqualTo("2026-11-19T10:30:00Z");
    assertThat(Instant.parse(controller.get("detectedAt").asText()))
        .isAfter(Week02.CONTROLLER_DOWN)
        .isBefore(Week02.CONTROLLER_BACK);
    JsonNode git = outages.get(1);
    assertThat(git.get("kind").asText()).isEqualTo("git-source");
    assertThat(git.get("subject").asText()).isEqualTo(gitSource());
    assertThat(git.get("startedAt").asText()).isEqualTo("2026-11-19T15:00:30Z");
    assertThat(git.get("endedAt").asText()).isEqualTo("2026-11-19T15:20:30Z");
    // the same Git outage as Argo CD saw it: both Applications' ComparisonErrors, 30 s later
    JsonNode argoCd = outages.get(2);
    assertThat(argoCd.get("kind").asText()).isEqualTo("git-argo-cd");
    assertThat(argoCd.get("seenBy").asText()).isEqualTo("argo-cd");
    assertThat(argoCd.get("cluster").asText()).isEqualTo(Week02.CLUSTER);
    // the Applications' repository: the Git source's, without its branch
    assertThat(argoCd.get("repoUrl").asText())
        .isEqualTo(gitSource().substring(0, gitSource().lastIndexOf('#')));
    assertThat(argoCd.get("failure").asText()).isEqualTo("connection-refused");
    assertThat(Instant.parse(argoCd.get("startedAt").asText())).isEqualTo(Week02.ARGO_CD_GIT_ERROR);
    assertThat(Instant.parse(argoCd.get("endedAt").asText())).isEqualTo(Week02.ARGO_CD_GIT_CLEARED);
    assertThat(argoCd.get("applications"))
        .extracting(JsonNode::asText)
        .containsExactly(DEV, STAGING);
  }

  @Test
  @Order(7)
  void theServiceTimelineTellsItsDeletionAndRecreationByDev() {
    JsonNode entries =
        get(timelineUri(SERVICE, "2026-11-17T00:00:00Z", "2026-11-18T00:00:00Z")).get("items");

    List<String> types =
        StreamSupport.stream(entries.spliterator(), false)
            .map(e -> e.get("type").asText())
            .toList();
    assertThat(types)
        .containsSubsequence(
            "ResourceDeleted", "DriftDetected", "ResourceRecreated", "DriftCorrected");
    assertThat(
            StreamSupport.stream(entries.spliterator(), false).map(e -> e.get("summary").asText()))
        .contains("recreated by " + DEV + ", written by argocd-controller");
  }

  @Test
  @Order(9)
  void badQueriesAreProblemsNamingTheParameter() {
    ResponseEntity<JsonNode> noInstant =
        http.getForEntity(
            "/api/v1/resources/owners?cluster=local&group=apps&kind=Deployment&namespace=ops-journal&name=ops-journal&at=tuesday",
            JsonNode.class);
    assertThat(noInstant.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noInstant.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(noInstant.getBody().get("parameter").asText()).isEqualTo("at");

    ResponseEntity<JsonNode> unknown =
        http.getForEntity(
            "/api/v1/resources/owners?cluster=local&group=apps&kind=Deployment&namespace=ops-journal&name=nope&at=2026-11-17T12:00:00Z",
            JsonNode.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    ResponseEntity<JsonNode> limit = http.getForEntity("/api/v1/drifts?limit=0", JsonNode.class);
    assertThat(limit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(limit.getBody().get("parameter").asText()).isEqualTo("limit");

    ResponseEntity<JsonNode> range =
        http.getForEntity(
            "/api/v1/conflicts?from=2026-11-20T00:00:00Z&to=2026-11-16T00:00:00Z", JsonNode.class);
    assertThat(range.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  @Order(10)
  void theCommitBehindTuesdaysDevDeploymentTellsWhereAndWhenItRan() {
    JsonNode commit = get("/api/v1/commits/" + commit(2).substring(0, 10));

    assertThat(commit.get("sha").asText()).isEqualTo(commit(2));
    assertThat(commit.get("author").get("name").asText()).isEqualTo("bob");
    assertThat(commit.get("message").asText()).isEqualTo("Deploy ops-journal to dev with Argo CD");
    assertThat(texts(commit.get("changedPaths")))
        .containsExactly("platform/gitops/ops-journal-dev-app.yaml");
    assertThat(commit.get("affectedApplications")).isEmpty();
    JsonNode deployments = commit.get("deployments");
    assertThat(deployments).hasSize(3); // the deploy on Monday and Tuesday's two self-heals
    for (JsonNode deployment : deployments) {
      assertThat(deployment.get("application").asText()).isEqualTo(DEV);
      assertThat(deployment.get("cluster").asText()).isEqualTo(Week02.CLUSTER);
    }
    assertThat(deployments.get(0).get("startedAt").asText()).isEqualTo("2026-11-16T10:05:02Z");
    assertThat(deployments.get(0).get("partial").asBoolean()).isFalse();

    assertThat(
            http.getForEntity("/api/v1/commits/not-a-sha", JsonNode.class)
                .getBody()
                .get("parameter")
                .asText())
        .isEqualTo("sha");
    assertThat(http.getForEntity("/api/v1/commits/deadbeef00", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  @Order(11)
  void searchingByActorFindsWhatEachOneDid() {
    String week = "&from=2026-11-16T00:00:00Z&to=2026-11-23T00:00:00Z";

    JsonNode alice = get("/api/v1/search?actor=alice" + week).get("items");
    assertThat(texts(alice, "kind")).containsExactly("commit", "commit");
    JsonNode bob = get("/api/v1/search?actor=bob@example.com" + week).get("items");
    assertThat(texts(bob, "link")).containsExactly("/api/v1/commits/" + commit(2));
    JsonNode kubectlSet = get("/api/v1/search?actor=kubectl-set" + week).get("items");
    assertThat(texts(kubectlSet, "kind")).containsExactlyInAnyOrder("change", "drift");
    assertThat(texts(kubectlSet, "subject")).containsOnly(DEPLOYMENT.toString());
    JsonNode automated = get("/api/v1/search?actor=automated" + week + "&limit=1000").get("items");
    assertThat(texts(automated, "kind")).containsOnly("sync").hasSizeGreaterThan(20);

    ResponseEntity<JsonNode> tooLong =
        http.getForEntity(
            "/api/v1/search?actor=bob&from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z",
            JsonNode.class);
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLong.getBody().get("parameter").asText()).isEqualTo("from");
    assertThat(
            http.getForEntity("/api/v1/search", JsonNode.class).getBody().get("parameter").asText())
        .isEqualTo("actor");
  }

  List<JsonNode> answers() {
    return List.of(
        owners(DEPLOYMENT, "2026-11-17T12:00:00Z"),
        owners(DEPLOYMENT, "2026-11-18T10:00:00Z"),
        get("/api/v1/drifts"),
        get("/api/v1/conflicts"),
        get("/api/v1/applications/argocd/ops-journal-dev/syncs"),
        get("/api/v1/applications/argocd/ops-journal-staging/syncs"),
        get("/api/v1/outages"),
        get(timelineUri(DEPLOYMENT, null, null) + "&limit=1000"),
        get(timelineUri(SERVICE, null, null) + "&limit=1000"));
  }

  private void assertDrift(
      JsonNode drift,
      ResourceKey resource,
      String application,
      String evidence,
      String actor,
      String startedAt,
      Duration duration) {
    assertThat(drift.get("resource").asText()).isEqualTo(resource.toString());
    assertThat(drift.get("application").asText()).isEqualTo(application);
    assertThat(drift.get("evidence").asText()).isEqualTo(evidence);
    assertThat(drift.get("actor").asText()).isEqualTo(actor);
    assertThat(drift.get("startedAt").asText()).isEqualTo(startedAt);
    assertThat(drift.get("open").asBoolean()).isFalse();
    assertThat(Duration.parse(drift.get("duration").asText())).isEqualTo(duration);
  }

  JsonNode owners(ResourceKey resource, String at) {
    return get(
        UriComponentsBuilder.fromPath("/api/v1/resources/owners")
            .queryParam("cluster", resource.cluster())
            .queryParam("group", resource.group())
            .queryParam("kind", resource.kind())
            .queryParam("namespace", resource.namespace())
            .queryParam("name", resource.name())
            .queryParam("at", at)
            .toUriString());
  }

  private static String timelineUri(ResourceKey resource, String from, String to) {
    UriComponentsBuilder uri =
        UriComponentsBuilder.fromPath("/api/v1/resources/timeline")
            .queryParam("cluster", resource.cluster())
            .queryParam("group", resource.group())
            .queryParam("kind", resource.kind())
            .queryParam("namespace", resource.namespace())
            .queryParam("name", resource.name());
    if (from != null) {
      uri.queryParam("from", from).queryParam("to", to);
    }
    return uri.toUriString();
  }

  JsonNode get(String uri) {
    ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
    assertThat(response.getStatusCode())
        .as("GET %s: %s", uri, response.getBody())
        .isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  /**
   * As of an instant, from the scenario: Tuesday noon had no conflict; Wednesday 10:00 was after
   * the fight (09:05 to 09:35) with staging holding both objects and every flip made; and in the
   * fight, staging's sync completed at 09:05:04 and dev's first self-heal took the objects back 2 s
   * later (09:05:06), staging's one second after that: at 09:05:06.5 dev held them, after two flips
   * (staging's takeover, dev's first self-heal), and no loop had been detected yet.
   */
  @Test
  @Order(12)
  void conflictsAsOfAnInstantHaveTheirHolderAndFlipsThen() {
    assertThat(get("/api/v1/conflicts?at=2026-11-17T12:00:00Z").get("items")).isEmpty();

    JsonNode atTen = get("/api/v1/conflicts?at=2026-11-18T10:00:00Z").get("items");
    assertThat(texts(atTen, "resource"))
        .containsExactlyInAnyOrder(DEPLOYMENT.toString(), SERVICE.toString());
    for (JsonNode conflict : atTen) {
      assertThat(conflict.get("holder").asText()).isEqualTo(STAGING);
      assertThat(texts(conflict.get("losers"))).containsExactly(DEV);
      assertThat(conflict.get("flips").asInt()).isEqualTo(FLIPS);
      assertThat(conflict.get("open").asBoolean()).isTrue();
      assertThat(conflict.hasNonNull("loopDetectedAt")).isTrue();
    }

    JsonNode inTheFight = get("/api/v1/conflicts?at=2026-11-18T09:05:06.500Z").get("items");
    assertThat(inTheFight).hasSize(2);
    for (JsonNode conflict : inTheFight) {
      assertThat(conflict.get("holder").asText()).isEqualTo(DEV);
      assertThat(texts(conflict.get("losers"))).containsExactly(STAGING);
      assertThat(conflict.get("flips").asInt()).isEqualTo(2);
      assertThat(conflict.get("open").asBoolean()).isTrue();
      assertThat(conflict.hasNonNull("loopDetectedAt")).isFalse();
    }
  }

  /**
   * Drifts open at an instant, from the scenario: the kubectl scale of Tue 11:00:00 was self-healed
   * at 11:00:04; the hand-set image of Thu 10:10 waited for the controller until 10:31; nothing was
   * drifted on Tuesday at noon.
   */
  @Test
  @Order(13)
  void driftsAsOfAnInstantAreThoseOpenThen() {
    assertThat(get("/api/v1/drifts?at=2026-11-17T12:00:00Z").get("items")).isEmpty();

    JsonNode scaled = get("/api/v1/drifts?at=2026-11-17T11:00:02Z").get("items");
    assertThat(scaled).hasSize(1);
    assertThat(scaled.get(0).get("resource").asText()).isEqualTo(DEPLOYMENT.toString());
    assertThat(scaled.get(0).get("actor").asText()).isEqualTo("kubectl");
    assertThat(scaled.get(0).get("open").asBoolean()).isTrue();
    assertThat(scaled.get(0).hasNonNull("correctedAt")).isFalse();

    JsonNode handSet = get("/api/v1/drifts?at=2026-11-19T10:20:00Z").get("items");
    assertThat(handSet).hasSize(1);
    assertThat(handSet.get(0).get("actor").asText()).isEqualTo("kubectl-set");
    assertThat(handSet.get(0).get("application").asText()).isEqualTo(STAGING);
    assertThat(get("/api/v1/drifts?application=" + DEV + "&at=2026-11-19T10:20:00Z").get("items"))
        .isEmpty();
  }

  @Test
  @Order(14)
  void anInstantThatIsNotOneOrComesWithARangeIsAProblemNamingAt() {
    for (String uri :
        List.of(
            "/api/v1/conflicts?at=wednesday",
            "/api/v1/drifts?at=2026-11-18",
            "/api/v1/conflicts?at=2026-11-18T10:00:00Z&from=2026-11-16T00:00:00Z",
            "/api/v1/drifts?at=2026-11-18T10:00:00Z&open=true")) {
      ResponseEntity<JsonNode> problem = http.getForEntity(uri, JsonNode.class);
      assertThat(problem.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(problem.getBody().get("parameter").asText()).as(uri).isEqualTo("at");
    }
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(n -> n.get(field).asText())
        .toList();
  }
}
