/**
 * Publishing observations: one JSON record per observation on {@code opsjournal.observations},
 * keyed by its subject, with an idempotent producer; a publish returns once Kafka has it.
 */
package dev.opsjournal.collectors.publish;
