/**
 * Observations: the raw facts collectors publish on {@code opsjournal.observations}, trimmed to
 * what the journal needs. They are the public wire contract, versioned by {@code schemaVersion}.
 */
package dev.opsjournal.core.observation;
