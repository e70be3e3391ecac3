/**
 * What operators scrape and probe: the journal's meters (named for Prometheus on the management
 * port's {@code /actuator/prometheus}) and the liveness and readiness probes kept on the API port
 * when the management port is a port of its own.
 */
package dev.opsjournal.server.operations;
