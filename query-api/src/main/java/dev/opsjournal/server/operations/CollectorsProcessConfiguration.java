package dev.opsjournal.server.operations;

import dev.opsjournal.collectors.CollectorsApplication;
import dev.opsjournal.server.access.ScrapeRequests;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The collectors' own process ({@link CollectorsApplication}, started from this jar by the
 * collectors' Deployment) operated like the server's: {@code /actuator/prometheus} open on a
 * management port of its own, the probes on the main port as well. The process serves no data, so
 * everything else is refused. Spring Boot's default security would ask a password of the scrape;
 * the server's process has its own {@code SecurityFilterChain} and never gets this one.
 */
@AutoConfiguration(
    before = {SecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnBean(CollectorsApplication.class)
@Import(ApiPortProbes.class)
public class CollectorsProcessConfiguration {

  @Bean
  SecurityFilterChain collectorsProcess(HttpSecurity http, Environment environment)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers(new ScrapeRequests(environment))
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .build();
  }
}
