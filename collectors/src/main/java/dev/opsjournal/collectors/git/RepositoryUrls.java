package dev.opsjournal.collectors.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Repository URLs as they may be shown: in observations, logs and outage reasons. */
final class RepositoryUrls {

  /** A scheme followed by user info: {@code https://user:secret@}, {@code ssh://git@}. */
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*)://([^/@\\s]*)@");

  private RepositoryUrls() {}

  /**
   * The URL without credentials. Over HTTP the whole user info goes, since it is nearly always a
   * token or a user and password; over ssh the user name stays ({@code ssh://git@host/…} is the
   * repository's usual name, the one Argo CD Applications refer to) and only a password goes.
   */
  static String withoutCredentials(String text) {
    Matcher m = USER_INFO.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String scheme = m.group(1);
      String user = m.group(2);
      String kept = "";
      if (scheme.toLowerCase(Locale.ROOT).equals("ssh") && !user.isEmpty()) {
        int colon = user.indexOf(':');
        kept = (colon < 0 ? user : user.substring(0, colon)) + "@";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(scheme + "://" + kept));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether an HTTP URL carries user info, which belongs in the environment instead. */
  static boolean hasHttpUserInfo(String url) {
    Matcher m = USER_INFO.matcher(url);
    return m.lookingAt() && m.group(1).toLowerCase(Locale.ROOT).startsWith("http");
  }

  /**
   * The cache directory of a repository's branch: readable (the last segment of the URL) and unique
   * (a hash of URL and branch), so two branches of one repository never share a clone.
   */
  static String cacheDirectoryName(String repoUrl, String branch) {
    String stripped = repoUrl.replaceAll("/+$", "").replaceAll("\\.git$", "");
    String last = stripped.substring(stripped.lastIndexOf('/') + 1);
    String slug = last.replaceAll("[^A-Za-z0-9._-]", "_");
    if (slug.isEmpty() || slug.startsWith(".")) {
      slug = "repo";
    }
    return (slug.length() > 40 ? slug.substring(0, 40) : slug)
        + "-"
        + sha256(repoUrl + "#" + branch).substring(0, 16)
        + ".git";
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
