/**
 * Kafka ingest: reads observations from {@code opsjournal.observations}, turns each into the
 * command for its aggregate, and sends what cannot be processed to {@code
 * opsjournal.observations.dlt} with the reason, without stopping.
 */
package dev.opsjournal.server.ingest;
