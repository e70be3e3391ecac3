package dev.opsjournal.server.report;

import dev.opsjournal.server.journal.JournalProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line way to the weekly journal: started with {@code --opsjournal.report.week=2026-W47
 * --opsjournal.report.output=journal-2026-W47.md}, the server waits until its projections have
 * caught up with the event store, writes that week's Markdown to the file and exits (0; 2 for a bad
 * week or a missing property; 1 when it could not write).
 */
@Component
class WeeklyJournalExport implements ApplicationRunner {

  static final int WRITTEN = 0;
  static final int FAILED = 1;
  static final int BAD_REQUEST = 2;

  private static final Logger log = LoggerFactory.getLogger(WeeklyJournalExport.class);

  private final ReportProperties properties;
  private final WeeklyJournalService journal;
  private final JournalProgress catchUp;
  private final ConfigurableApplicationContext context;

  WeeklyJournalExport(
      ReportProperties properties,
      WeeklyJournalService journal,
      JournalProgress catchUp,
      ConfigurableApplicationContext context) {
    this.properties = properties;
    this.journal = journal;
    this.catchUp = catchUp;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.exportAsked()) {
      return;
    }
    int code =
        export(
            properties.week(),
            properties.output(),
            properties.cluster(),
            properties.catchUpTimeout());
    System.exit(SpringApplication.exit(context, () -> code));
  }

  /** Writes the week to {@code output}; returns the exit code. */
  int export(String week, Path output, String cluster, Duration timeout) {
    if (week == null || output == null) {
      log.error(
          "To write a weekly journal, set both opsjournal.report.week (e.g. 2026-W47) and"
              + " opsjournal.report.output (the file to write)");
      return BAD_REQUEST;
    }
    IsoWeek isoWeek;
    try {
      isoWeek = journal.week(week);
    } catch (IllegalArgumentException e) {
      log.error("Cannot write the weekly journal: opsjournal.report.week: {}", e.getMessage());
      return BAD_REQUEST;
    }
    try {
      log.info("Waiting for the journal to catch up before writing {}", isoWeek);
      if (!catchUp.await(timeout)) {
        log.error(
            "The journal did not catch up with its event store within {}; nothing written"
                + " (raise opsjournal.report.catch-up-timeout?)",
            timeout);
        return FAILED;
      }
      String markdown = journal.render(isoWeek, cluster);
      Path file = output.toAbsolutePath();
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, markdown, StandardCharsets.UTF_8);
      log.info("Wrote the journal of {} to {}", isoWeek, file);
      return WRITTEN;
    } catch (IOException e) {
      log.error("Cannot write the weekly journal to {}: {}", output, e.getMessage());
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("Interrupted while waiting for the journal to catch up; nothing written");
      return FAILED;
    }
  }
}
