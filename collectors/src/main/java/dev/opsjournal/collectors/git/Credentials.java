package dev.opsjournal.collectors.git;

import dev.opsjournal.collectors.git.GitCollectorProperties.RepositorySettings;
import dev.opsjournal.core.UrlCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A repository's credentials, read from the environment variables its settings name. The values are
 * only handed to JGit; anything shown (logs, outage reasons) goes through {@link #redact} first.
 */
final class Credentials {

  private static final Logger log = LoggerFactory.getLogger(Credentials.class);

  /**
   * The user name sent with a token when none is configured: GitHub's convention; GitLab and
   * Bitbucket accept a token with any user name.
   */
  static final String TOKEN_USER = "x-access-token";

  /** Shorter values are not searched for in messages: they would mangle them and hide nothing. */
  private static final int SHORTEST_REDACTED = 3;

  private final CredentialsProvider provider;
  private final List<String> secrets;

  private Credentials(CredentialsProvider provider, List<String> secrets) {
    this.provider = provider;
    this.secrets = secrets;
  }

  static Credentials from(RepositorySettings settings, UnaryOperator<String> environment) {
    String where = UrlCredentials.strip(settings.url());
    String username = read(environment, settings.usernameEnv(), "usernameEnv", where);
    String password = read(environment, settings.passwordEnv(), "passwordEnv", where);
    String token = read(environment, settings.tokenEnv(), "tokenEnv", where);
    List<String> secrets = new ArrayList<>();
    for (String secret : new String[] {password, token}) {
      if (secret != null && secret.length() >= SHORTEST_REDACTED) {
        secrets.add(secret);
      }
    }
    CredentialsProvider provider = null;
    if (token != null) {
      provider =
          new UsernamePasswordCredentialsProvider(username == null ? TOKEN_USER : username, token);
    } else if (username != null || password != null) {
      provider =
          new UsernamePasswordCredentialsProvider(
              username == null ? "" : username, password == null ? "" : password);
    }
    return new Credentials(provider, List.copyOf(secrets));
  }

  /** What JGit asks for user names, passwords and passphrases; null when none are configured. */
  CredentialsProvider provider() {
    return provider;
  }

  /** The text with user info stripped from URLs and every known secret value masked. */
  String redact(String text) {
    String redacted = UrlCredentials.strip(text == null ? "" : text);
    for (String secret : secrets) {
      redacted = redacted.replace(secret, "****");
    }
    return redacted;
  }

  private static String read(
      UnaryOperator<String> environment, String variable, String setting, String where) {
    if (variable == null || variable.isBlank()) {
      return null;
    }
    String value = environment.apply(variable.strip());
    if (value == null || value.isEmpty()) {
      // the name of the variable is safe to show; its value never is
      log.warn("{} of {} names ${}, which is not set", setting, where, variable.strip());
      return null;
    }
    return value;
  }
}
