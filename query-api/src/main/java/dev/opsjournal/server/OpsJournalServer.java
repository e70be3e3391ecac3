package dev.opsjournal.server;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The journal server: Kafka ingest, the Axon journal on PostgreSQL, projections and the API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsJournalServer {

  public static void main(String[] args) {
    SpringApplication.run(OpsJournalServer.class, args);
  }

  /**
   * The server's wall clock, for questions about the present only (is a week in the future?). The
   * journal's rules never read it: their clock is observation time.
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
