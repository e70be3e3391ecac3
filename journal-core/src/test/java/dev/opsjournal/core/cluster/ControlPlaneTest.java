package dev.opsjournal.core.cluster;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.observation.HeartbeatObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Thu of week 02: Argo CD's application controller is down from about 10:00 to 10:30 while the
 * collector keeps sending heartbeats. The default grace is 9 minutes.
 */
class ControlPlaneTest {

  private static final String CLUSTER = "local";

  /** The last reconciliation before the controller went down. */
  private static final Instant LAST_RECONCILED = Instant.parse("2026-11-19T09:58:30Z");

  private FixtureConfiguration<ControlPlane> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ControlPlane.class);
    fixture.registerInjectableResource(JournalPolicy.defaults());
  }

  /**
   * For a control plane that has not applied a single event yet: the fixture's illegal-state check
   * re-sources the aggregate from its events, and there are none to source it from. Event equality
   * is still asserted.
   */
  private FixtureConfiguration<ControlPlane> withoutAnyEventYet() {
    fixture.setReportIllegalStateChange(false);
    return fixture;
  }

  @Test
  void givenNothing_whenHeartbeatCarriesARecentReconciliation_thenNoEvents() {
    withoutAnyEventYet()
        .givenNoPriorActivity()
        .when(heartbeat("2026-11-19T09:59:00Z", LAST_RECONCILED))
        .expectNoEvents();
  }

  @Test
  void givenHeartbeats_whenReconciledAtKeepsAdvancing_thenNoEvents() {
    List<Object> heartbeats = new ArrayList<>();
    for (int minute = 0; minute < 30; minute++) {
      Instant at = Instant.parse("2026-11-19T08:00:00Z").plus(Duration.ofMinutes(minute));
      heartbeats.add(heartbeat(at, at.minusSeconds(100)));
    }
    withoutAnyEventYet()
        .givenCommands(heartbeats)
        .when(heartbeat("2026-11-19T08:30:00Z", Instant.parse("2026-11-19T08:29:50Z")))
        .expectNoEvents();
  }

  @Test
  void givenReconciledAtFrozen_whenExactlyTheGraceHasPassed_thenNotYetUnavailable() {
    withoutAnyEventYet()
        .givenCommands(frozenUntil("2026-11-19T10:07:00Z"))
        .when(heartbeat(LAST_RECONCILED.plus(Duration.ofMinutes(9)), LAST_RECONCILED))
        .expectNoEvents();
  }

  @Test
  void givenReconciledAtFrozen_whenLongerThanTheGrace_thenControllerUnavailable() {
    Instant at = Instant.parse("2026-11-19T10:08:00Z");
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:07:00Z"))
        .when(heartbeat(at, LAST_RECONCILED))
        .expectEvents(new ControllerUnavailable(CLUSTER, LAST_RECONCILED, at));
  }

  @Test
  void
      givenControllerUnavailable_whenLaterHeartbeatsStillShowTheSameReconciledAt_thenNotRepeated() {
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:08:00Z"))
        .andGivenCommands(frozenBetween("2026-11-19T10:09:00Z", "2026-11-19T10:29:00Z"))
        .when(heartbeat("2026-11-19T10:30:00Z", LAST_RECONCILED))
        .expectNoEvents();
  }

  @Test
  void givenControllerUnavailable_whenTheControllerActsAgain_thenRecoveredAtItsFirstAct() {
    Instant reconciled = Instant.parse("2026-11-19T10:30:00Z");
    Instant observed = Instant.parse("2026-11-19T10:30:00.512Z");
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .when(
            activity(
                observed,
                reconciled.plusSeconds(2), // the self-heal it started
                LAST_RECONCILED.minusSeconds(60), // an operation from before the outage
                reconciled))
        .expectEvents(
            new ControllerRecovered(
                CLUSTER,
                LAST_RECONCILED,
                reconciled,
                Duration.between(LAST_RECONCILED, reconciled),
                observed))
        .expectResultMessagePayload(new ControlPlane.Status(null));
  }

  /**
   * The fault: the heartbeat after the recovery carries the newest reconciledAt, minutes
   * after the first; only the controller's own first act says when it came back.
   */
  @Test
  void givenControllerUnavailable_whenAHeartbeatCarriesANewerReconciledAt_thenNotRecoveredByIt() {
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .when(heartbeat("2026-11-19T10:35:00Z", Instant.parse("2026-11-19T10:34:16Z")))
        .expectNoEvents()
        .expectResultMessagePayload(new ControlPlane.Status(LAST_RECONCILED));
  }

  @Test
  void
      givenControllerUnavailable_whenAnApplicationShowsOnlyActsFromBeforeIt_thenStillUnavailable() {
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .when(activity(Instant.parse("2026-11-19T10:29:30Z"), LAST_RECONCILED, LAST_RECONCILED))
        .expectNoEvents();
  }

  @Test
  void givenTheControllerReconciling_whenItActs_thenNoEvents() {
    withoutAnyEventYet()
        .givenCommands(heartbeat("2026-11-19T09:59:00Z", LAST_RECONCILED))
        .when(activity(Instant.parse("2026-11-19T09:59:10Z"), LAST_RECONCILED.plusSeconds(40)))
        .expectNoEvents()
        .expectResultMessagePayload(new ControlPlane.Status(null));
  }

  @Test
  void givenControllerRecovered_whenAStaleHeartbeatFromTheOutageArrives_thenNoEvents() {
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .andGivenCommands(recovery())
        .when(heartbeat("2026-11-19T10:20:00Z", LAST_RECONCILED))
        .expectNoEvents();
  }

  @Test
  void givenControllerRecovered_whenHeartbeatsAdvanceAgain_thenNoEvents() {
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .andGivenCommands(recovery())
        .when(heartbeat("2026-11-19T10:31:30Z", Instant.parse("2026-11-19T10:31:10Z")))
        .expectNoEvents();
  }

  @Test
  void givenControllerRecovered_whenAHeartbeatStillCarriesTheOldReconciledAt_thenNotDownAgain() {
    // read from a cache that had not yet seen the first reconcile after the outage
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .andGivenCommands(recovery())
        .when(heartbeat("2026-11-19T10:30:01Z", LAST_RECONCILED))
        .expectNoEvents();
  }

  @Test
  void givenControllerRecovered_whenTheControllerActsAgain_thenNoEvents() {
    fixture
        .givenCommands(frozenUntil("2026-11-19T10:29:00Z"))
        .andGivenCommands(recovery())
        .when(
            activity(Instant.parse("2026-11-19T10:33:00Z"), Instant.parse("2026-11-19T10:33:00Z")))
        .expectNoEvents();
  }

  @Test
  void givenNothing_whenHeartbeatFromACollectorWatchingNoApplication_thenNoEvents() {
    withoutAnyEventYet()
        .givenNoPriorActivity()
        .when(
            new ObserveHeartbeat(
                new HeartbeatObserved(
                    CLUSTER, "collector-0", Instant.parse("2026-11-19T10:20:00Z"), null)))
        .expectNoEvents();
  }

  private static ObserveControllerActivity recovery() {
    return activity(Instant.parse("2026-11-19T10:30:00.5Z"), Instant.parse("2026-11-19T10:30:00Z"));
  }

  private static ObserveControllerActivity activity(Instant observedAt, Instant... actedAt) {
    return new ObserveControllerActivity(CLUSTER, List.of(actedAt), observedAt);
  }

  /** Heartbeats every minute from 09:59 to {@code until}, all carrying the frozen reconciledAt. */
  private static List<Object> frozenUntil(String until) {
    return frozenBetween("2026-11-19T09:59:00Z", until);
  }

  private static List<Object> frozenBetween(String from, String until) {
    List<Object> heartbeats = new ArrayList<>();
    for (Instant at = Instant.parse(from);
        !at.isAfter(Instant.parse(until));
        at = at.plus(Duration.ofMinutes(1))) {
      heartbeats.add(heartbeat(at, LAST_RECONCILED));
    }
    return heartbeats;
  }

  private static ObserveHeartbeat heartbeat(String at, Instant reconciledAt) {
    return heartbeat(Instant.parse(at), reconciledAt);
  }

  private static ObserveHeartbeat heartbeat(Instant at, Instant reconciledAt) {
    return new ObserveHeartbeat(new HeartbeatObserved(CLUSTER, "collector-0", at, reconciledAt));
  }
}
