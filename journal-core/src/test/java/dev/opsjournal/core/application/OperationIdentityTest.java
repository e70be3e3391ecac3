package dev.opsjournal.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.ApplicationObserved.Initiator;
import dev.opsjournal.core.observation.ApplicationObserved.Operation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperationIdentityTest {

  private static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  private static final Instant SECOND = Instant.parse("2026-11-30T09:00:00Z");
  private static final String ID = SECOND.toString();
  private static final List<String> WEB = List.of("/Service/docs/docs");

  @Test
  void givenANewSecond_whenSeen_thenTheOperationIsNamedByIt() {
    assertThat(OperationIdentity.of(running(List.of()), null, null)).isEqualTo(ID);
    assertThat(OperationIdentity.of(running(List.of()), "2026-11-30T08:59:00Z", null))
        .isEqualTo(ID);
  }

  @Test
  void givenTheSameOperationSeenAgain_whenRunningOrCompleted_thenItKeepsItsId() {
    assertThat(OperationIdentity.of(running(List.of()), ID, null)).isEqualTo(ID);
    Operation done = succeeded(List.of(), SECOND);
    assertThat(OperationIdentity.of(done, ID, completed(done))).isEqualTo(ID);
  }

  @Test
  void givenASelfHealStartedInTheSecondTheSyncBeforeItCompleted_whenSeen_thenItIsTheNextOne() {
    Operation sync = succeeded(List.of(), SECOND);

    assertThat(OperationIdentity.of(running(WEB), ID, completed(sync))).isEqualTo(ID + "#2");
    assertThat(OperationIdentity.of(succeeded(WEB, SECOND), ID, completed(sync)))
        .as("seen only once it completed")
        .isEqualTo(ID + "#2");
    Operation heal = succeeded(WEB, SECOND);
    assertThat(OperationIdentity.of(running(WEB), ID + "#2", completed(heal))).isEqualTo(ID + "#3");
  }

  private static OperationIdentity.Completed completed(Operation op) {
    return OperationIdentity.Completed.of(
        new SyncCompleted(
            ResourceKey.application("local", "argocd", "docs"),
            ID,
            op.phase(),
            op.revision(),
            op.initiatedBy().describe(),
            op.initiatedBy().automated(),
            op.partial(),
            op.message(),
            List.of(),
            op.startedAt(),
            op.finishedAt(),
            op.finishedAt()));
  }

  private static Operation running(List<String> resources) {
    return new Operation(
        "Running", "", C2, new Initiator("", true), resources, SECOND, null, List.of());
  }

  private static Operation succeeded(List<String> resources, Instant finishedAt) {
    return new Operation(
        "Succeeded",
        "successfully synced (all tasks run)",
        C2,
        new Initiator("", true),
        resources,
        SECOND,
        finishedAt,
        List.of());
  }
}
