package dev.opsjournal.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.application.LastSync;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftRulesTest {

  private static final ResourceKey DEPLOYMENT =
      ResourceKey.of("local", "apps", "Deployment", "ops-journal", "ops-journal");
  private static final String DEV = "argocd/ops-journal-dev";
  private static final String C1 = "1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e";
  private static final String C2 = "2c5d0a9e4b7f1c3d8e6a2b4c9d0e1f3a5b7c9d2e";
  private static final Instant T0 = Instant.parse("2026-11-17T11:00:00Z");
  private static final JournalPolicy POLICY = JournalPolicy.defaults();

  @Test
  void givenSyncedThenOutOfSyncAtTheSameRevision_whenJudged_thenItOpensADrift() {
    assertThat(DriftRules.verdictOpensDrift(report("Synced", "OutOfSync", false, null))).isTrue();
  }

  @Test
  void givenOutOfSyncAtANewRevision_whenJudged_thenGitMovedOnAndNoDriftOpens() {
    assertThat(DriftRules.verdictOpensDrift(report("Synced", "OutOfSync", true, null))).isFalse();
  }

  @Test
  void givenOutOfSyncAfterOutOfSyncOrNothing_whenJudged_thenNoNewDriftOpens() {
    assertThat(DriftRules.verdictOpensDrift(report("OutOfSync", "OutOfSync", false, null)))
        .isFalse();
    assertThat(DriftRules.verdictOpensDrift(report("", "OutOfSync", false, null))).isFalse();
  }

  @Test
  void givenAnOutsideWriteToAnOwnedObject_whenNoDriftIsOpen_thenItOpensOne() {
    assertThat(DriftRules.writeOpensDrift(null, true, T0)).isTrue();
    assertThat(DriftRules.writeOpensDrift(null, false, T0)).as("not owned").isFalse();
    assertThat(DriftRules.writeOpensDrift(detected(1, ""), true, T0.plusSeconds(5)))
        .as("a drift is open")
        .isFalse();
  }

  @Test
  void givenACorrectedDrift_whenAWriteArrives_thenOnlyAWriteAfterTheCorrectionOpensOne() {
    Drift corrected = detected(1, "").corrected(T0.plusSeconds(60));

    assertThat(DriftRules.writeOpensDrift(corrected, true, T0.plusSeconds(61))).isTrue();
    assertThat(DriftRules.writeOpensDrift(corrected, true, T0.plusSeconds(60))).isFalse();
  }

  @Test
  void givenAVerdictNamingNobody_whenAnEarlierWriteArrives_thenTheWriteExplainsIt() {
    Drift verdict = unexplainedVerdict();

    assertThat(DriftRules.writeExplains(verdict, T0.minusSeconds(30))).isTrue();
    assertThat(DriftRules.writeExplains(verdict, T0.plusSeconds(2))).as("after it").isFalse();
    assertThat(DriftRules.writeExplains(detected(1, ""), T0)).as("already named").isFalse();
    assertThat(DriftRules.writeExplains(null, T0)).isFalse();
  }

  @Test
  void givenAnOutOfSyncVerdict_whenAnEarlierDeletionArrives_thenTheDeletionExplainsIt() {
    assertThat(DriftRules.deletionExplains(unexplainedVerdict(), T0)).isTrue();
    assertThat(DriftRules.deletionExplains(unexplainedVerdict(), T0.plusSeconds(2))).isFalse();
    assertThat(DriftRules.deletionExplains(detected(1, ""), T0)).as("a live change").isFalse();
    assertThat(DriftRules.deletionExplains(null, T0)).isFalse();
  }

  @Test
  void givenSynced_whenJudged_thenBackInSyncAndOnlyThen() {
    assertThat(DriftRules.isBackInSync(report("OutOfSync", "Synced", false, null))).isTrue();
    assertThat(DriftRules.isBackInSync(report("Synced", "Unknown", false, null))).isFalse();
  }

  @Test
  void givenAnOwner_whenAVerdictArrives_thenOnlyTheOwnersCounts() {
    assertThat(DriftRules.isOwnersVerdict(DEV, Set.of(DEV, "other"), DEV)).isTrue();
    assertThat(DriftRules.isOwnersVerdict(DEV, Set.of(DEV, "other"), "other")).isFalse();
  }

  @Test
  void givenNoOwner_whenAVerdictArrives_thenItCountsOnlyFromASoleDeclarer() {
    assertThat(DriftRules.isOwnersVerdict(null, Set.of(DEV), DEV)).isTrue();
    assertThat(DriftRules.isOwnersVerdict(null, Set.of(DEV, "other"), DEV)).isFalse();
  }

  @Test
  void givenWrites_whenLookingForTheCause_thenTheNewestOutsideWriteNotAfterTheVerdict() {
    List<LiveWrite> writes =
        List.of(
            write("kubectl", 10),
            write("argocd-controller", 20), // a sync's write is never the cause
            write("helm", 30),
            write("kubectl", 90)); // after the verdict

    assertThat(DriftRules.lastOutsideWrite(writes, T0.plusSeconds(60), null, POLICY))
        .contains(write("helm", 30));
  }

  @Test
  void givenAWriteBeforeThePreviousCorrection_whenLookingForTheCause_thenItBelongsToThatDrift() {
    Drift previous = detected(1, "").corrected(T0.plusSeconds(40));
    List<LiveWrite> writes = List.of(write("kubectl", 30));

    assertThat(DriftRules.lastOutsideWrite(writes, T0.plusSeconds(60), previous, POLICY)).isEmpty();
    assertThat(
            DriftRules.lastOutsideWrite(
                List.of(write("kubectl", 50)), T0.plusSeconds(60), previous, POLICY))
        .contains(write("kubectl", 50));
  }

  @Test
  void givenAnOutsideWrite_whenAVerdictArrives_thenTheDriftIsNamedAfterItAndStartsWithIt() {
    DriftRules.Cause cause =
        DriftRules.causeOfVerdict(
            T0.plusSeconds(60), null, null, Optional.of(write("kubectl", 30)));

    assertThat(cause)
        .isEqualTo(
            new DriftRules.Cause(
                DriftEvidence.OUT_OF_SYNC,
                "kubectl",
                List.of("spec.replicas"),
                T0.plusSeconds(30)));
  }

  @Test
  void givenNoKnownWrite_whenAVerdictArrives_thenAnUnknownActorSinceTheVerdict() {
    DriftRules.Cause cause = DriftRules.causeOfVerdict(T0, null, null, Optional.empty());

    assertThat(cause)
        .isEqualTo(
            new DriftRules.Cause(
                DriftEvidence.OUT_OF_SYNC, DriftDetected.UNKNOWN_ACTOR, List.of(), T0));
  }

  @Test
  void givenTheObjectGoneAtTheVerdict_whenJudged_thenADeletionSinceItWasDeleted() {
    Instant deleted = T0.minusSeconds(5);
    DriftRules.Cause cause =
        DriftRules.causeOfVerdict(T0, deleted, null, Optional.of(write("kubectl", -30)));

    assertThat(cause)
        .isEqualTo(
            new DriftRules.Cause(
                DriftEvidence.DELETION, DriftDetected.UNKNOWN_ACTOR, List.of(), deleted));
  }

  @Test
  void givenTheObjectBackBeforeTheVerdict_whenJudged_thenNotADeletion() {
    DriftRules.Cause cause =
        DriftRules.causeOfVerdict(T0, T0.minusSeconds(10), T0.minusSeconds(5), Optional.empty());

    assertThat(cause.evidence()).isEqualTo(DriftEvidence.OUT_OF_SYNC);
  }

  @Test
  void givenADeletionOnlyAfterTheVerdict_whenJudged_thenNotADeletion() {
    assertThat(DriftRules.causeOfVerdict(T0, T0.plusSeconds(1), null, Optional.empty()).evidence())
        .isEqualTo(DriftEvidence.OUT_OF_SYNC);
  }

  @Test
  void givenAReCreationOnlyAfterTheVerdict_whenJudged_thenStillADeletion() {
    assertThat(
            DriftRules.causeOfVerdict(T0, T0.minusSeconds(10), T0.plusSeconds(1), Optional.empty())
                .evidence())
        .isEqualTo(DriftEvidence.DELETION);
  }

  @Test
  void givenAnAutomatedSyncSinceTheDrift_whenBackInSync_thenSelfHealByItsInitiator() {
    LastSync sync = new LastSync(C1, "Succeeded", "automated", true, true, T0.plusSeconds(30));

    assertThat(DriftRules.correction(detected(1, C1), back(C1, false, sync)))
        .isEqualTo(new DriftRules.End(Correction.SELF_HEAL, "automated"));
  }

  @Test
  void givenAPersonsSyncSinceTheDrift_whenBackInSync_thenManualSyncByThatPerson() {
    LastSync sync = new LastSync(C1, "Succeeded", "alice", false, false, T0.plusSeconds(30));

    assertThat(DriftRules.correction(detected(1, C1), back(C1, false, sync)))
        .isEqualTo(new DriftRules.End(Correction.MANUAL_SYNC, "alice"));
  }

  @Test
  void givenASyncOnlyBeforeTheDrift_whenBackInSync_thenRevertedByNobodyKnown() {
    LastSync sync = new LastSync(C1, "Succeeded", "alice", false, false, T0.minusSeconds(1));

    assertThat(DriftRules.correction(detected(1, C1), back(C1, false, sync)))
        .isEqualTo(new DriftRules.End(Correction.REVERTED, ""));
    assertThat(DriftRules.correction(detected(1, C1), back(C1, false, null)))
        .isEqualTo(new DriftRules.End(Correction.REVERTED, ""));
  }

  @Test
  void givenAPersonsSyncStillRunning_whenBackInSync_thenManualSyncByThatPerson() {
    // Argo CD's watch reports the object Synced before the operation's final patch
    LastSync running = new LastSync(C1, "Running", "grace", false, false, null);

    assertThat(DriftRules.correction(detected(1, C1), back(C1, false, running)))
        .isEqualTo(new DriftRules.End(Correction.MANUAL_SYNC, "grace"));
  }

  @Test
  void givenASyncWithoutFinishedAtThatIsNotRunning_whenBackInSync_thenItCorrectedNothing() {
    LastSync unfinished = new LastSync(C1, "Terminating", "grace", false, false, null);

    assertThat(DriftRules.syncCorrects(unfinished, T0)).isFalse();
  }

  @Test
  void givenANewRevision_whenBackInSync_thenNewRevisionByTheSyncsInitiatorIfItCameSince() {
    LastSync since = new LastSync(C2, "Succeeded", "alice", false, false, T0.plusSeconds(30));
    LastSync before = new LastSync(C1, "Succeeded", "alice", false, false, T0.minusSeconds(1));

    assertThat(DriftRules.correction(detected(1, C1), back(C2, true, since)))
        .isEqualTo(new DriftRules.End(Correction.NEW_REVISION, "alice"));
    assertThat(DriftRules.correction(detected(1, C1), back(C2, false, before)))
        .as("the drift's revision differs from the one now synced")
        .isEqualTo(new DriftRules.End(Correction.NEW_REVISION, ""));
  }

  @Test
  void givenADriftWithoutARevision_whenBackInSyncAtSomeRevision_thenNotANewRevision() {
    assertThat(DriftRules.correction(detected(1, ""), back(C2, false, null)).correction())
        .isEqualTo(Correction.REVERTED);
  }

  private static ObserveDeclaration report(
      String previous, String status, boolean revisionChanged, LastSync sync) {
    return new ObserveDeclaration(DEPLOYMENT, DEV, previous, status, C1, revisionChanged, sync, T0);
  }

  private static ObserveDeclaration back(String revision, boolean revisionChanged, LastSync sync) {
    return new ObserveDeclaration(
        DEPLOYMENT,
        DEV,
        "OutOfSync",
        "Synced",
        revision,
        revisionChanged,
        sync,
        T0.plusSeconds(60));
  }

  private static Drift detected(int episode, String revision) {
    return Drift.detected(
        new DriftDetected(
            DEPLOYMENT,
            episode,
            DEV,
            revision,
            DriftEvidence.LIVE_CHANGE,
            "kubectl",
            List.of("spec.replicas"),
            T0,
            T0.plusSeconds(1)),
        null);
  }

  private static Drift unexplainedVerdict() {
    return Drift.detected(
        new DriftDetected(
            DEPLOYMENT,
            1,
            DEV,
            C1,
            DriftEvidence.OUT_OF_SYNC,
            DriftDetected.UNKNOWN_ACTOR,
            List.of(),
            T0.plusSeconds(1),
            T0.plusSeconds(1)),
        null);
  }

  private static LiveWrite write(String manager, int secondsAfterT0) {
    return new LiveWrite(manager, List.of("spec.replicas"), T0.plusSeconds(secondsAfterT0));
  }
}
