package dev.opsjournal.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

/**
 * Static bearer tokens. Only their SHA-256 digests are kept; a presented token is digested and
 * compared with every known digest in constant time, so neither timing nor memory gives a token
 * away. Tokens are never logged: a principal is named by the token's position only.
 */
final class StaticTokens implements OpaqueTokenIntrospector {

  private final List<byte[]> digests;

  StaticTokens(List<String> tokens) {
    this.digests = tokens.stream().map(StaticTokens::digest).toList();
  }

  static StaticTokens from(ApiAccessProperties properties) {
    List<String> tokens = new ArrayList<>(properties.tokens());
    if (properties.tokensFile() != null) {
      try {
        Files.readAllLines(properties.tokensFile(), StandardCharsets.UTF_8).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .forEach(tokens::add);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read opsjournal.api.tokens-file " + properties.tokensFile(), e);
      }
    }
    tokens.removeIf(String::isBlank);
    return new StaticTokens(tokens);
  }

  boolean isEmpty() {
    return digests.isEmpty();
  }

  int size() {
    return digests.size();
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    byte[] presented = digest(token);
    int match = -1;
    for (int i = 0; i < digests.size(); i++) {
      if (MessageDigest.isEqual(digests.get(i), presented) && match < 0) {
        match = i;
      }
    }
    if (match < 0) {
      throw new BadOpaqueTokenException("unknown token");
    }
    return new DefaultOAuth2AuthenticatedPrincipal(
        "static-token-" + (match + 1),
        Map.of("sub", "static-token-" + (match + 1)),
        List.of(new SimpleGrantedAuthority("journal:read")));
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
