package dev.opsjournal.server.report;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsjournal.report.*}: writing one week's journal to a file and exiting, instead of
 * serving.
 *
 * @param week the ISO week to write, e.g. {@code 2026-W47}; with {@code output}, the server writes
 *     it and exits
 * @param output the Markdown file to write
 * @param cluster only this cluster, or all when absent
 * @param catchUpTimeout how long to wait for the journal's projections to reach the head of the
 *     event store before giving up
 */
@ConfigurationProperties("opsjournal.report")
record ReportProperties(
    String week, Path output, String cluster, @DefaultValue("10m") Duration catchUpTimeout) {

  boolean exportAsked() {
    return week != null || output != null;
  }
}
