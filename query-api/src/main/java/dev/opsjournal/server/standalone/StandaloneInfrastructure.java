package dev.opsjournal.server.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Starts the standalone mode's infrastructure once the environment is known and logging is set up,
 * before the Spring context needs it: an in-process Kafka broker unless {@code
 * spring.kafka.bootstrap-servers} was set, an embedded PostgreSQL unless {@code
 * spring.datasource.url} was set, and a default API token unless one was configured. Both servers
 * stop after the context has closed (last of all its beans), so what was consumed is stored.
 *
 * <p>Registered in {@code META-INF/spring.factories}; does nothing unless {@code
 * opsjournal.standalone.enabled=true}.
 */
public class StandaloneInfrastructure
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  private static final Logger log = LoggerFactory.getLogger(StandaloneInfrastructure.class);

  static final String PROPERTY_SOURCE = "opsjournal-standalone";
  static final String DEFAULT_TOKEN = "standalone";

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    if (!env.getProperty("opsjournal.standalone.enabled", Boolean.class, false)
        || env.getPropertySources().contains(PROPERTY_SOURCE)) {
      return;
    }
    Path dataDir = Path.of(env.getProperty("opsjournal.standalone.data-dir", "./data"));
    log.info("Standalone mode: data in {}", dataDir.toAbsolutePath().normalize());
    Map<String, Object> settings = new LinkedHashMap<>();
    List<AutoCloseable> started = new ArrayList<>();
    boolean embeddedPostgres = !setByUser(env, "spring.datasource.url");
    if (embeddedPostgres && !System.getProperty("os.name", "").startsWith("Windows")) {
      EmbeddedPostgresServer.checkCanRun(Path.of("/bin/sh"));
    }
    try {
      if (setByUser(env, "spring.kafka.bootstrap-servers")) {
        log.info(
            "Standalone mode: using the Kafka at {} (spring.kafka.bootstrap-servers)",
            env.getProperty("spring.kafka.bootstrap-servers"));
      } else {
        EmbeddedKafka kafka =
            EmbeddedKafka.start(
                dataDir.resolve("kafka"),
                env.getProperty("opsjournal.standalone.kafka.port", Integer.class, 9092),
                env.getProperty(
                    "opsjournal.standalone.kafka.controller-port", Integer.class, 9093));
        started.add(kafka);
        settings.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
      }
      if (!embeddedPostgres) {
        log.info(
            "Standalone mode: using the PostgreSQL at {} (spring.datasource.url)",
            env.getProperty("spring.datasource.url"));
      } else {
        EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(
                dataDir.resolve("postgres"),
                env.getProperty("opsjournal.standalone.postgres.port", Integer.class, 5433));
        started.add(postgres);
        settings.put("spring.datasource.url", postgres.jdbcUrl());
        settings.put("spring.datasource.username", EmbeddedPostgresServer.USER);
        settings.put("spring.datasource.password", "");
      }
    } catch (RuntimeException e) {
      stop(started);
      throw e;
    }
    if (!env.containsProperty("opsjournal.api.tokens")
        && !env.containsProperty("opsjournal.api.tokens-file")
        && !env.containsProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri")
        && !env.containsProperty("spring.security.oauth2.resourceserver.jwt.public-key-location")) {
      settings.put("opsjournal.api.tokens", DEFAULT_TOKEN);
      log.info(
          "Standalone mode: no API credential configured; the API takes the bearer token '{}'"
              + " (set opsjournal.api.tokens to choose your own)",
          DEFAULT_TOKEN);
    }
    if (!setByUser(env, "opsjournal.ingest.partitions")) {
      // one partition: a replay is consumed in exactly the order it was recorded
      settings.put("opsjournal.ingest.partitions", 1);
    }
    env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, settings));
    List<AutoCloseable> toStop = List.copyOf(started);
    event
        .getSpringApplication()
        .addInitializers(
            context -> {
              // registered before any bean exists, so destroyed after all of them
              if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
                registry.registerDisposableBean(
                    "opsjournalStandaloneInfrastructure", () -> stop(toStop));
              }
            });
  }

  /** Whether a property comes from anywhere but the server's own {@code application.yml}. */
  static boolean setByUser(ConfigurableEnvironment env, String name) {
    for (PropertySource<?> source : env.getPropertySources()) {
      if (source.getName().equals("configurationProperties")
          || source.getName().contains("class path resource [application.yml]")) {
        continue;
      }
      if (source.containsProperty(name)) {
        return true;
      }
    }
    return false;
  }

  private static void stop(List<AutoCloseable> started) {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        log.warn("Standalone mode: could not stop {} cleanly", started.get(i), e);
      }
    }
  }
}
