/** Drift episodes: when the live state left Git, who moved it, how and how fast it came back. */
package dev.opsjournal.server.drift;
