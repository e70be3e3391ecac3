package dev.opsjournal.collectors.git;

import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.jgit.errors.TransportException;

/**
 * Why a fetch failed, as the outage observation and the log show it: the messages of the exception
 * and its causes, without a user name and password in a URL nor any configured secret value.
 */
final class FailureReason {

  /** How many messages of the cause chain are kept: past that, JGit only repeats itself. */
  static final int MAX_PARTS = 4;

  /** The longest reason: it is stored with the outage and shown in the journal. */
  static final int MAX_LENGTH = 1_000;

  private FailureReason() {}

  /** {@code fetch failed: <message>: <cause's message>…}, redacted and capped. */
  static String of(Exception e, Credentials credentials) {
    Set<String> parts = new LinkedHashSet<>();
    for (Throwable t = e; t != null && parts.size() < MAX_PARTS; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        continue;
      }
      String part = message.strip();
      // JGit wraps a cause with its message repeated, often with more around it
      if (parts.stream().noneMatch(p -> p.contains(part))) {
        parts.add(part);
      }
    }
    if (parts.isEmpty()) {
      parts.add(e instanceof TransportException ? "transport error" : e.getClass().getSimpleName());
    }
    String reason = credentials.redact("fetch failed: " + String.join(": ", parts));
    return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH) : reason;
  }
}
