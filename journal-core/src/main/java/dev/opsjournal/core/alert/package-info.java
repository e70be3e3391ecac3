/**
 * The alert schema: what ops-journal publishes on {@code opsjournal.alerts} for on-call tooling,
 * once per transition (firing, resolved). Versioned by {@code schemaVersion}.
 */
package dev.opsjournal.core.alert;
