/**
 * A deterministic, virtual-clock model of Argo CD's application controller, written from Argo CD's
 * own behaviour (/work/notes/argo-cd-behaviour.md), acting on a Kubernetes API server as Argo CD
 * would; it records its own ground truth (syncs, tracking changes, drifts) for tests to assert the
 * journal against.
 */
package dev.opsjournal.server.simulator;
