package dev.opsjournal.core.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved.Condition;
import dev.opsjournal.core.observation.ApplicationObserved.DeclaredResource;
import dev.opsjournal.core.observation.ApplicationObserved.HistoryEntry;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import dev.opsjournal.core.observation.ApplicationObserved.Spec;
import dev.opsjournal.core.observation.ApplicationObserved.Status;
import dev.opsjournal.core.observation.ApplicationObserved.SyncResult;
import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The wire contract on {@code opsjournal.observations}: one JSON object per observation. */
class ObservationJsonTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private static final Instant AT = Instant.parse("2026-11-17T11:00:01Z");
  private static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  private static final ResourceKey DEV_APP =
      ResourceKey.application("local", "argocd", "ops-journal-dev");
  private static final String REPO = "https://git.example.com/team/platform.git";
  private static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";

  static Stream<Arguments> everyObservationType() {
    return Stream.of(
        Arguments.of("resource", resource()),
        Arguments.of("application", application()),
        Arguments.of(
            "kubernetes-event",
            new KubernetesEventObserved(
                DEV_APP,
                AT,
                "4b1c9d3e-0f2a-4e5b-8c7d-6a5b4c3d2e1f",
                "Normal",
                "ResourceUpdated",
                "Updated sync status: Synced -> OutOfSync",
                "argocd-application-controller",
                1,
                AT.minusSeconds(1),
                AT.minusSeconds(1))),
        Arguments.of("commit", commit()),
        Arguments.of(
            "history-rewrite",
            new HistoryRewriteObserved(
                REPO, "main", AT, C2, "3f00d1e2c3b4a5968778695a4b3c2d1e0f9a8b7c", List.of(C2))),
        Arguments.of(
            "source-unavailable",
            new SourceUnavailableObserved(REPO, "main", AT, "connection refused")),
        Arguments.of("source-recovered", new SourceRecoveredObserved(REPO, "main", AT)),
        Arguments.of(
            "heartbeat", new HeartbeatObserved("local", "collector-0", AT, AT.minusSeconds(100))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyObservationType")
  void givenObservation_whenWrittenAndReadBack_thenEqualWithTypeAndSchemaVersionOnTheWire(
      String type, Observation observation) throws Exception {
    String json = JSON.writeValueAsString(observation);

    JsonNode tree = JSON.readTree(json);
    assertThat(tree.path("type").asText()).isEqualTo(type);
    assertThat(tree.path("schemaVersion").isInt()).isTrue();
    assertThat(tree.path("schemaVersion").asInt()).isEqualTo(Observation.SCHEMA_VERSION);
    assertThat(tree.path("observedAt").asText()).isEqualTo("2026-11-17T11:00:01Z");
    assertThat(JSON.readValue(json, Observation.class)).isEqualTo(observation);
  }

  @Test
  void givenResourceObserved_whenWritten_thenResourceKeyIsItsCanonicalString() throws Exception {
    JsonNode tree = JSON.readTree(JSON.writeValueAsString(resource()));

    assertThat(tree.path("resource").asText())
        .isEqualTo("local/apps/Deployment/ops-journal/ops-journal");
  }

  @Test
  void givenKubernetesEvent_whenReadThroughATreeAsTheServerDoes_thenTheSameEvent()
      throws Exception {
    KubernetesEventObserved event =
        new KubernetesEventObserved(
            DEV_APP,
            AT,
            "4b1c9d3e-0f2a-4e5b-8c7d-6a5b4c3d2e1f",
            "Normal",
            "OperationCompleted",
            "Sync operation to " + C2 + " succeeded",
            "argocd-application-controller",
            1,
            AT,
            AT);
    JsonNode tree = JSON.readTree(JSON.writeValueAsString(event));

    assertThat(JSON.treeToValue(tree, Observation.class)).isEqualTo(event);
  }

  @Test
  void givenResourceJsonWithoutUid_whenRead_thenFailsNamingTheUid() throws Exception {
    // no managedFields: this test is about the uid alone
    ResourceObserved noWrites =
        new ResourceObserved(
            DEPLOYMENT,
            AT,
            WatchAction.ADDED,
            "6f1c2a4e-8d7b-4c3a-9e51-0b2d7f3a1c11",
            "2051",
            2,
            null,
            null,
            null,
            "sha256:spec-replicas-3");
    String json = withoutField(noWrites, "uid");

    assertThatThrownBy(() -> JSON.readValue(json, Observation.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an observation needs the object's uid");
  }

  @Test
  void givenApplicationJsonWithoutUid_whenRead_thenFailsNamingTheUid() throws Exception {
    String json = withoutField(application(), "uid");

    assertThatThrownBy(() -> JSON.readValue(json, Observation.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an observation needs the Application's uid");
  }

  @Test
  void givenCommitJsonWithoutSha_whenRead_thenFailsNamingTheSha() throws Exception {
    String json = withoutField(commit(), "sha");

    assertThatThrownBy(() -> JSON.readValue(json, Observation.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an observation needs the commit sha");
  }

  @Test
  void givenHeartbeatJsonWithoutObservedAt_whenRead_thenFailsNamingObservedAt() throws Exception {
    String json =
        withoutField(new HeartbeatObserved("local", "collector-0", AT, null), "observedAt");

    assertThatThrownBy(() -> JSON.readValue(json, Observation.class))
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an observation needs observedAt");
  }

  @Test
  void givenUnknownType_whenRead_thenFailsNamingTheType() {
    String json =
        "{\"type\":\"pod-log\",\"schemaVersion\":1,\"observedAt\":\"2026-11-17T11:00:01Z\"}";

    assertThatThrownBy(() -> JSON.readValue(json, Observation.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("pod-log");
  }

  @Test
  void givenNoType_whenRead_thenFails() {
    String json =
        "{\"schemaVersion\":1,\"cluster\":\"local\",\"observedAt\":\"2026-11-17T11:00:01Z\"}";

    assertThatThrownBy(() -> JSON.readValue(json, Observation.class))
        .isInstanceOf(InvalidTypeIdException.class)
        .hasMessageContaining("type");
  }

  // --- inputs, every field set ---

  private static String withoutField(Observation observation, String field) throws Exception {
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(observation);
    assertThat(tree.has(field)).as("the JSON has %s before it is removed", field).isTrue();
    tree.remove(field);
    return JSON.writeValueAsString(tree);
  }

  private static ResourceObserved resource() {
    return new ResourceObserved(
        DEPLOYMENT,
        AT,
        WatchAction.MODIFIED,
        "6f1c2a4e-8d7b-4c3a-9e51-0b2d7f3a1c11",
        "2051",
        2,
        Map.of("app.kubernetes.io/name", "ops-journal"),
        Map.of(
            JournalPolicy.TRACKING_ID, "ops-journal-dev:apps/Deployment:ops-journal/ops-journal"),
        List.of(
            new ManagedFieldsEntry(
                "argocd-controller",
                "Apply",
                "",
                Instant.parse("2026-11-16T10:05:08Z"),
                List.of("spec.replicas", "spec.template.spec.containers[name=ops-journal].image")),
            new ManagedFieldsEntry(
                "kubectl",
                "Update",
                "scale",
                Instant.parse("2026-11-17T11:00:00Z"),
                List.of("spec.replicas")),
            new ManagedFieldsEntry(
                "kube-controller-manager",
                "Update",
                "status",
                Instant.parse("2026-11-17T11:00:01Z"),
                List.of("status.replicas"))),
        "sha256:spec-replicas-3");
  }

  private static ApplicationObserved application() {
    Instant started = Instant.parse("2026-11-17T11:00:03Z");
    Instant finished = Instant.parse("2026-11-17T11:00:04Z");
    return new ApplicationObserved(
        DEV_APP,
        AT,
        WatchAction.MODIFIED,
        "0b6e3a52-9c1d-4f7e-8a20-5d4c3b2a1f00",
        "88123",
        Map.of("team", "platform"),
        Map.of("argocd.argoproj.io/refresh", "normal"),
        new Spec(
            "default",
            REPO,
            "apps/ops-journal/overlays/dev",
            "HEAD",
            "",
            "https://kubernetes.default.svc",
            "in-cluster",
            "ops-journal",
            true,
            true,
            true),
        new Status(
            "Synced",
            C2,
            "Healthy",
            finished,
            new Operation(
                "Succeeded",
                "successfully synced (all tasks run)",
                C2,
                new Initiator("", true),
                List.of("apps/Deployment/ops-journal/ops-journal"),
                started,
                finished,
                List.of(
                    new SyncResult(
                        "apps",
                        "Deployment",
                        "ops-journal",
                        "ops-journal",
                        "Synced",
                        "deployment.apps/ops-journal serverside-applied"))),
            List.of(
                new Condition(
                    "SharedResourceWarning",
                    "Deployment/ops-journal is part of applications argocd/ops-journal-dev and"
                        + " ops-journal-staging",
                    started)),
            List.of(
                new DeclaredResource(
                    "", "v1", "Service", "ops-journal", "ops-journal", "Synced", "Healthy", false),
                new DeclaredResource(
                    "apps", "v1", "Deployment", "ops-journal", "ops-journal", "Synced", "", false)),
            List.of(
                new HistoryEntry(
                    1,
                    C2,
                    Instant.parse("2026-11-16T10:05:05Z"),
                    Instant.parse("2026-11-16T10:05:08Z"),
                    new Initiator("", true)))));
  }

  private static CommitObserved commit() {
    Instant when = Instant.parse("2026-11-16T10:00:00Z");
    return new CommitObserved(
        REPO,
        "main",
        true,
        AT,
        C2,
        List.of("1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e"),
        new Person("bob", "bob@example.com", when),
        new Person("GitHub", "noreply@github.com", when.plusSeconds(5)),
        "gitops: ops-journal-dev Application",
        List.of(
            new ChangedPath("ADD", "platform/gitops/ops-journal-dev-app.yaml", ""),
            new ChangedPath("RENAME", "docs/gitops.md", "docs/argo.md")),
        Map.of("apps/ops-journal/overlays/dev", List.of("apps/ops-journal/base")));
  }
}
