package dev.opsjournal.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document served at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI opsJournalApi(ObjectProvider<BuildProperties> build) {
    String version = build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
    return new OpenAPI()
        .info(
            new Info()
                .title("ops-journal API")
                .version(version)
                .license(new License().name("Apache-2.0"))
                .description(
                    "The journal of what happened in Kubernetes clusters run with Argo CD: who owned"
                        + " what and when, every sync, drift and correction, conflicts between"
                        + " Applications. Times are ISO-8601 UTC; lists are pages (limit, offset,"
                        + " nextOffset); errors are application/problem+json naming the offending"
                        + " parameter. Every request needs a bearer token."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("A static API token, or a JWT from the configured issuer")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"));
  }

  /** Schemas of library types carry no description of their own: give them one. */
  @Bean
  OpenApiCustomizer libraryTypeDescriptions() {
    Map<String, String> descriptions =
        Map.of(
            "ProblemDetail",
            "An error (RFC 9457, application/problem+json); for a bad request, `parameter` names"
                + " the offending parameter",
            "JsonNode",
            "The journal entry's own fields, as recorded");
    return api -> {
      if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
        return;
      }
      descriptions.forEach(
          (name, description) -> {
            var schema = api.getComponents().getSchemas().get(name);
            if (schema != null && schema.getDescription() == null) {
              schema.setDescription(description);
            }
          });
    };
  }
}
