package dev.opsjournal.collectors.git;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Where a repository's clone is kept (how URLs are shown: {@code core.UrlCredentials}). */
final class RepositoryUrls {

  private RepositoryUrls() {}

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
