package dev.opsjournal.core.application;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.observation.KubernetesEventObserved;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Argo CD's Events on an Application, turned into who did what to it. */
class ApplicationAttributionTest {

  private static final ResourceKey APP = ResourceKey.application("local", "argocd", "billing");
  private static final Instant CREATED = Instant.parse("2026-11-30T09:00:00Z");
  private static final Instant SEEN = Instant.parse("2026-11-30T09:00:00.412Z");

  private FixtureConfiguration<Application> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Application.class);
  }

  @Test
  void argocdServersEventNamesWhoCreatedTheApplication() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ObserveApplicationEvent(
                event("e1", "ResourceCreated", "grace created application")))
        .expectEvents(
            new ApplicationAttributed(
                APP,
                "CREATED",
                "grace",
                "argocd-server",
                "grace created application",
                "e1",
                CREATED,
                SEEN));
  }

  @Test
  void anEventObservedAgainIsAttributedOnce() {
    KubernetesEventObserved deleted = event("e2", "ResourceDeleted", "alice deleted application");
    fixture
        .givenCommands(new ObserveApplicationEvent(deleted))
        .when(new ObserveApplicationEvent(deleted))
        .expectNoEvents();
  }

  @Test
  void theControllersOwnEventsNameNobody() {
    fixture
        .givenCommands(
            new ObserveApplicationEvent(
                event("e1", "ResourceCreated", "grace created application")))
        .when(
            new ObserveApplicationEvent(
                event("e3", "OperationStarted", "Initiated automated sync to '2c5d0a9'")))
        .expectNoEvents();
  }

  private static KubernetesEventObserved event(String uid, String reason, String message) {
    return new KubernetesEventObserved(
        APP, SEEN, uid, "Normal", reason, message, "argocd-server", 1, CREATED, CREATED);
  }
}
