package dev.opsjournal.core.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git repository as the journal compares them: a URL without case, surrounding blanks, trailing
 * slashes, a {@code .git} suffix or a user (with any password or token), so that {@code
 * https://git.example.com/Platform.git/} and {@code https://git.example.com/platform} name one
 * repository. SSH is spelt two ways, scp-like {@code git@host:org/repo.git} and {@code
 * ssh://git@host/org/repo}; both become {@code ssh://host/org/repo}, as Argo CD's own comparison
 * ({@code git.NormalizeGitURL}) also treats them as one. Commits, Applications' sources and outages
 * of a source meet on this identity, wherever they are compared.
 */
public final class RepositoryIdentity {

  /** {@code [user@]host:path}, with no scheme and a path not starting with a slash. */
  private static final Pattern SCP_LIKE = Pattern.compile("^(?:[^@/:]+@)?([^@/:]+):(?!//)(.+)$");

  /** {@code scheme://user[:secret]@}: the user part is not part of the repository. */
  private static final Pattern USER = Pattern.compile("^([a-z][a-z0-9+.-]*://)[^/@]*@");

  private RepositoryIdentity() {}

  /** The identity of {@code url}. */
  public static String of(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    Matcher scp = SCP_LIKE.matcher(u);
    if (!u.contains("://") && scp.matches()) {
      u = "ssh://" + scp.group(1) + "/" + scp.group(2);
    }
    u = USER.matcher(u).replaceFirst("$1");
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }

  /** Whether {@code a} and {@code b} name the same repository. */
  public static boolean same(String a, String b) {
    return of(a).equals(of(b));
  }
}
