package dev.opsjournal.server.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Read access to the API needs a bearer token: one of the static tokens, or a JWT when an issuer is
 * configured ({@code spring.security.oauth2.resourceserver.jwt.*}). Health probes and the OpenAPI
 * document are open, and so is {@code /actuator/prometheus} on a management port of its own ({@link
 * ScrapeRequests}). With no credentials configured at all the server refuses to start, rather than
 * serve an API nobody can read or everybody can.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfiguration.class);

  static final String[] OPEN =
      new String[] {
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
      };

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      ApiAccessProperties properties,
      ObjectProvider<JwtDecoder> jwt,
      ObjectMapper json,
      Environment environment)
      throws Exception {
    StaticTokens tokens = StaticTokens.from(properties);
    JwtDecoder decoder = jwt.getIfAvailable();
    if (tokens.isEmpty() && decoder == null) {
      throw new IllegalStateException(
          "No API credentials configured: set opsjournal.api.tokens (OPSJOURNAL_API_TOKENS),"
              + " opsjournal.api.tokens-file (a mounted Secret), or"
              + " spring.security.oauth2.resourceserver.jwt.issuer-uri");
    }
    log.info(
        "API access: {} static token(s){}",
        tokens.size(),
        decoder == null ? "" : ", and JWTs from the configured issuer");
    AuthenticationManager staticTokens =
        new ProviderManager(new OpaqueTokenAuthenticationProvider(tokens));
    AuthenticationManager jwts =
        decoder == null ? null : new ProviderManager(new JwtAuthenticationProvider(decoder));
    BearerTokenResolver bearer = new DefaultBearerTokenResolver();
    AuthenticationEntryPoint unauthorized = problem(json);
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(OPEN)
                    .permitAll()
                    .requestMatchers(new ScrapeRequests(environment))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized))
        .oauth2ResourceServer(
            oauth2 ->
                oauth2
                    .bearerTokenResolver(bearer)
                    .authenticationEntryPoint(unauthorized)
                    .authenticationManagerResolver(
                        request -> {
                          String token = bearer.resolve(request);
                          boolean looksLikeJwt =
                              token != null && token.chars().filter(c -> c == '.').count() == 2;
                          return looksLikeJwt && jwts != null ? jwts : staticTokens;
                        }))
        .build();
  }

  /** 401 as problem+json, with the challenge; never echoes the token. */
  private static AuthenticationEntryPoint problem(ObjectMapper json) {
    return (request, response, failure) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ops-journal\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(
          response.getOutputStream(),
          Map.of(
              "type", "about:blank",
              "title", "Unauthorized",
              "status", 401,
              "detail", "a valid bearer token is needed to read the journal",
              "instance", request.getRequestURI()));
    };
  }
}
