/**
 * The Kubernetes collector: fabric8 informers on Argo CD Applications, the tracked kinds and
 * Events, mapped by pure functions to trimmed, redacted observations and published once per real
 * change — across restarts, watch gaps and leader changes, thanks to an inventory of what was last
 * published. {@code KubernetesCollector} is the lifecycle; the rule of what to publish is {@code
 * InventoryLedger.decide}.
 */
package dev.opsjournal.collectors.kubernetes;
