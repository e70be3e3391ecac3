/**
 * Alert policies over the journal and their publication on {@code opsjournal.alerts}: each alert is
 * published once when it fires and once when it resolves, across restarts and replays.
 */
package dev.opsjournal.server.alerts;
