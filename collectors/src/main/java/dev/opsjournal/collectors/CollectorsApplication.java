package dev.opsjournal.collectors;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The collectors as their own process (the distributed deployment): both collectors on unless
 * configured off. In the standalone mode they run inside the journal server instead.
 */
@SpringBootApplication
public class CollectorsApplication {

  public static void main(String[] args) {
    application().run(args);
  }

  /** The collectors' application, as {@link #main} runs it. */
  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(CollectorsApplication.class);
    application.setDefaultProperties(
        Map.of(
            "spring.application.name", "ops-journal-collectors",
            "opsjournal.collectors.kubernetes.enabled", "true",
            "opsjournal.collectors.git.enabled", "true"));
    return application;
  }
}
