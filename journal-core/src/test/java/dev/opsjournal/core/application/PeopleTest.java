package dev.opsjournal.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opsjournal.core.application.People.Act;
import dev.opsjournal.core.application.People.Action;
import org.junit.jupiter.api.Test;

/** Messages as argocd-server writes them (docs/argo-cd-behaviour.md §6.2, shared/reference). */
class PeopleTest {

  @Test
  void argocdServerNamesTheUserBeforeTheAction() {
    assertThat(People.of("ResourceCreated", "grace created application"))
        .contains(new Act(Action.CREATED, "grace"));
    assertThat(People.of("ResourceDeleted", "alice deleted application"))
        .contains(new Act(Action.DELETED, "alice"));
    assertThat(People.of("ResourceUpdated", "bob updated application spec"))
        .contains(new Act(Action.UPDATED, "bob"));
    assertThat(
            People.of(
                "OperationStarted",
                "admin initiated sync to HEAD (8a1cb4a02d3538e54907c827352f66f20c3d7b0d)"))
        .contains(new Act(Action.SYNC_INITIATED, "admin"));
    assertThat(People.of("OperationStarted", "carol initiated partial sync to 8a1cb4a"))
        .contains(new Act(Action.SYNC_INITIATED, "carol"));
    assertThat(People.of("OperationStarted", "dave initiated rollback to 3"))
        .contains(new Act(Action.ROLLBACK_INITIATED, "dave"));
  }

  @Test
  void anUnknownUserIsNobodyNamed() {
    Act act = People.of("ResourceCreated", "Unknown user created application").orElseThrow();
    assertThat(act.actorKnown()).isFalse();
  }

  @Test
  void theControllersEventsAndActsOnResourcesAreNoOnesActOnTheApplication() {
    assertThat(People.of("OperationStarted", "Initiated automated sync to '8a1cb4a'")).isEmpty();
    assertThat(People.of("ResourceUpdated", "Updated sync status:  -> OutOfSync")).isEmpty();
    assertThat(People.of("OperationCompleted", "Sync operation to 8a1cb4a succeeded")).isEmpty();
    assertThat(People.of("ResourceDeleted", "alice deleted resource apps/Deployment 'web'"))
        .isEmpty();
    assertThat(People.of("ResourceCreated", "created application")).isEmpty();
  }

  @Test
  void theJournalNamesThePersonElseSaysPlainlyItDoesNotKnow() {
    assertThat(People.name("grace", "argocd-server")).isEqualTo("grace");
    assertThat(People.name("", "argocd-server")).isEqualTo("an unknown user of argocd-server");
    assertThat(People.name("", "")).isEqualTo("an unknown user");
    assertThat(Action.CREATED.said("grace", "the Application"))
        .isEqualTo("grace created the Application");
    assertThat(Action.DELETED.said("alice", "it")).isEqualTo("alice deleted it");
  }
}
