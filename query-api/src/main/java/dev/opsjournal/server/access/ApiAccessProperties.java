package dev.opsjournal.server.access;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code opsjournal.api.*}: the static bearer tokens that may read the API.
 *
 * @param tokens tokens given directly ({@code OPSJOURNAL_API_TOKENS=a,b}); prefer {@code
 *     tokensFile} in a cluster
 * @param tokensFile a file with one token per line (blank lines and {@code #} comments ignored),
 *     typically a mounted Secret
 */
@ConfigurationProperties("opsjournal.api")
public record ApiAccessProperties(List<String> tokens, Path tokensFile) {

  public ApiAccessProperties {
    tokens = tokens == null ? List.of() : List.copyOf(tokens);
  }
}
