package dev.opsjournal.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The journal server: Kafka ingest, the Axon journal on PostgreSQL, projections and the API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsJournalServer {

  public static void main(String[] args) {
    SpringApplication.run(OpsJournalServer.class, args);
  }
}
