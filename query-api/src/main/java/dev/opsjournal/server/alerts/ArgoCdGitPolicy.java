package dev.opsjournal.server.alerts;

import static dev.opsjournal.core.alert.Alert.Severity.WARNING;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.core.alert.Alert;
import dev.opsjournal.core.alert.Alert.Type;
import dev.opsjournal.core.application.GitErrorCleared;
import dev.opsjournal.core.application.GitErrorRaised;
import dev.opsjournal.core.source.RepositoryIdentity;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@link Type#ARGO_CD_GIT_UNAVAILABLE}: Argo CD cannot read a Git repository, as its Applications
 * report it one by one. It fires with the first Application reporting the repository and resolves
 * when the last one clears it, like the outage {@code git-argo-cd}; one alert per repository and
 * cluster, however many Applications take their source from it. In the {@code alerts} group (no
 * replay: a replay finds the transitions recorded and sends nothing again).
 */
@Component
@ProcessingGroup("alerts")
@DisallowReplay
class ArgoCdGitPolicy {

  static final String SUBJECT_KIND = "repository";

  private final AlertLedger ledger;

  ArgoCdGitPolicy(AlertLedger ledger) {
    this.ledger = ledger;
  }

  @EventHandler
  void on(GitErrorRaised event) {
    Alert.Subject subject = subject(event.application(), event.repoUrl());
    ledger.report(
        "argo-cd-git/" + subject.key() + "/" + event.at(),
        Type.ARGO_CD_GIT_UNAVAILABLE,
        WARNING,
        subject,
        event.at(),
        "Argo CD in cluster "
            + event.application().cluster()
            + " cannot read Git repository "
            + event.repoUrl()
            + " ("
            + event.failure().description()
            + "), first reported by "
            + event.application().namespacedName()
            + ": its Applications can neither be compared with Git nor synced",
        List.of("/api/v1/outages?kind=git-argo-cd"),
        event.application().namespacedName());
  }

  @EventHandler
  void on(GitErrorCleared event) {
    ledger.withdraw(
        Type.ARGO_CD_GIT_UNAVAILABLE,
        subject(event.application(), event.repoUrl()),
        event.application().namespacedName(),
        event.at(),
        "Argo CD in cluster "
            + event.application().cluster()
            + " reads Git repository "
            + event.repoUrl()
            + " again: no Application reports it unreachable any more");
  }

  /** {@code <cluster>:<repository identity>}: one alert per repository as one Argo CD sees it. */
  static Alert.Subject subject(ResourceKey application, String repoUrl) {
    return new Alert.Subject(
        SUBJECT_KIND, application.cluster() + ":" + RepositoryIdentity.of(repoUrl));
  }
}
