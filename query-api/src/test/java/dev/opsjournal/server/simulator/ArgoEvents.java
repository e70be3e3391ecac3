package dev.opsjournal.server.simulator;

import dev.opsjournal.core.ResourceKey;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Events argocd-server writes on an Application when a person acts on it, as {@code
 * util/argo/audit_logger.go} writes them (docs/argo-cd-behaviour.md §6): a plain POST of a core/v1
 * Event, never aggregated ({@code count: 1}, first and last timestamp the same whole second), named
 * {@code <app>.<hex nanos>}, in the Application's namespace, {@code source.component:
 * argocd-server}, the annotation {@code user}, and the message {@code "<user> <action>"}. It keeps
 * its own truth: who did what to which Application, when.
 */
final class ArgoEvents {

  static final String COMPONENT = "argocd-server";

  /** One act, as the journal must tell it: {@code action} as {@code People.Action} names it. */
  record Act(String application, String action, String user, Instant at) {}

  private final KubernetesClient client;
  private final Estate estate;
  private final Consumer<ResourceKey> written;
  private final List<Act> acts = new ArrayList<>();
  private long posted;

  ArgoEvents(KubernetesClient client, Estate estate, Consumer<ResourceKey> written) {
    this.client = client;
    this.estate = estate;
    this.written = written;
  }

  /** {@code Create}: {@code <user> created application}. */
  void userCreatesApplication(String app, String user, Instant at) {
    post(app, "ResourceCreated", user + " created application", user, at);
    acts.add(new Act(app, "CREATED", user, at));
  }

  /** {@code Delete}: {@code <user> deleted application}. */
  void userDeletesApplication(String app, String user, Instant at) {
    post(app, "ResourceDeleted", user + " deleted application", user, at);
    acts.add(new Act(app, "DELETED", user, at));
  }

  /** {@code Sync}: {@code <user> initiated sync to HEAD (<sha>)}, the revision as displayed. */
  void userSyncs(String app, String user, Instant at) {
    post(
        app,
        "OperationStarted",
        user + " initiated sync to HEAD (" + estate.revision() + ")",
        user,
        at);
    acts.add(new Act(app, "SYNC_INITIATED", user, at));
  }

  List<Act> acts() {
    return List.copyOf(acts);
  }

  private void post(String app, String reason, String message, String user, Instant at) {
    String time = Timeline.metav1(at).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            // Argo CD's name: the app and the instant in hex nanoseconds
            .withName(app + "." + Long.toHexString(at.toEpochMilli() * 1_000_000 + posted++))
            .withNamespace(Estate.ARGOCD_NAMESPACE)
            .withAnnotations(
                Map.of(
                    "user",
                    user,
                    "dest-server",
                    "https://kubernetes.default.svc",
                    "dest-namespace",
                    estate.app(app).destination()))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion("argoproj.io/v1alpha1")
            .withKind("Application")
            .withNamespace(Estate.ARGOCD_NAMESPACE)
            .withName(app)
            .withUid("uid-app-" + app)
            .endInvolvedObject()
            .withReason(reason)
            .withMessage(message)
            .withType("Normal")
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withCount(1)
            .withFirstTimestamp(time)
            .withLastTimestamp(time)
            .build();
    client.v1().events().inNamespace(Estate.ARGOCD_NAMESPACE).resource(event).create();
    written.accept(ResourceKey.application(estate.cluster(), Estate.ARGOCD_NAMESPACE, app));
  }
}
