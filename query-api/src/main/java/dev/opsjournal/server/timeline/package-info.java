/**
 * Every journal entry about one object (or Application), in order, each with a one-line summary.
 */
package dev.opsjournal.server.timeline;
