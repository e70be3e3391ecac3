package dev.opsjournal.core.application;

/** How Argo CD enforces the desired state: automated sync, self-heal, prune. */
public record SyncPolicy(boolean automated, boolean selfHeal, boolean prune) {}
