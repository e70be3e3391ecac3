package dev.opsjournal.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials out of repository URLs, wherever a URL may be shown or kept: observations, journal
 * events, logs, outage reasons. The one rule for it, used by both collectors and the journal (an
 * Application's {@code repoURL} or Argo CD's error message can carry a token as well as our own Git
 * settings can).
 */
public final class UrlCredentials {

  /** A scheme followed by user info: {@code https://user:secret@}, {@code ssh://git@}. */
  private static final Pattern USER_INFO =
      Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*)://([^/@\\s\"']*)@");

  private UrlCredentials() {}

  /**
   * {@code text} with every URL in it without credentials. Over HTTP the whole user info goes,
   * since it is nearly always a token or a user and password; over ssh the user name stays ({@code
   * ssh://git@host/…} is the repository's usual name, the one Argo CD Applications refer to) and
   * only a password goes.
   */
  public static String strip(String text) {
    if (text == null) {
      return null;
    }
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
  public static boolean hasHttpUserInfo(String url) {
    Matcher m = USER_INFO.matcher(url);
    return m.lookingAt() && m.group(1).toLowerCase(Locale.ROOT).startsWith("http");
  }
}
