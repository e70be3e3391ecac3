/**
 * The replay of a recorded watch capture and a Git repository as if they were live, through the
 * collectors' own mappers and Git collector: a pure {@code Timeline} orders watch events, commits
 * and heartbeats in recorded time, and {@code Replayer} publishes it, pausing where the server's
 * {@link dev.opsjournal.collectors.replay.Settle} says the journal must catch up. The bundled
 * examples' Git repositories are kept here as files ({@code ExampleRepository}).
 */
package dev.opsjournal.collectors.replay;
