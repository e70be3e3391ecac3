package dev.opsjournal.server.journal;

import dev.opsjournal.core.JournalPolicy;
import dev.opsjournal.core.JournalPolicy.TrackingMethod;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsjournal.journal.*}: the settings of the journal's rules (see {@link JournalPolicy}),
 * and {@code cached-aggregates}: how many aggregates of each kind (objects, Applications, Git
 * sources, control planes) stay in memory between commands; the rest are sourced from the event
 * store when next needed; and {@code processor-batch-size}: the most events a projection or policy
 * handles in one transaction.
 */
@ConfigurationProperties("opsjournal.journal")
public record JournalProperties(
    @DefaultValue("argocd") String controlPlaneNamespace,
    @DefaultValue("annotation") TrackingMethod trackingMethod,
    @DefaultValue("app.kubernetes.io/instance") String instanceLabelKey,
    @DefaultValue({"argocd-controller", "argocd", "argocd-application-controller"})
        Set<String> syncManagers,
    @DefaultValue({"kube-controller-manager", "kube-scheduler", "kubelet"})
        Set<String> controllerManagers,
    @DefaultValue("5") int loopFlips,
    @DefaultValue("10m") Duration loopWindow,
    @DefaultValue("9m") Duration controllerGrace,
    @DefaultValue("50000") long cachedAggregates,
    @DefaultValue("100") int processorBatchSize) {

  JournalPolicy toPolicy() {
    return new JournalPolicy(
        controlPlaneNamespace,
        trackingMethod,
        instanceLabelKey,
        syncManagers,
        controllerManagers,
        loopFlips,
        loopWindow,
        controllerGrace);
  }
}
