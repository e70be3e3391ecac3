package dev.opsjournal.core.source;

import java.util.Locale;

/**
 * A Git repository as the journal compares them: a URL without case, surrounding blanks, trailing
 * slashes or a {@code .git} suffix, so that {@code https://git.example.com/Platform.git/} and
 * {@code https://git.example.com/platform} name one repository. Commits, Applications' sources and
 * outages of a source meet on this identity, wherever they are compared.
 */
public final class RepositoryIdentity {

  private RepositoryIdentity() {}

  /** The identity of {@code url}. */
  public static String of(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
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
