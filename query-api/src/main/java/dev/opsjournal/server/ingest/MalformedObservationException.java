package dev.opsjournal.server.ingest;

import java.util.Locale;

/** An observation that can never be processed, however often it is retried. */
class MalformedObservationException extends RuntimeException {

  /** Why, in a word: the {@code reason} label of the dead-letter counter. */
  enum Reason {
    /** no value at all (a tombstone?) */
    EMPTY,
    /** more bytes than {@code opsjournal.ingest.max-observation-bytes} */
    TOO_LARGE,
    /** not JSON */
    NOT_JSON,
    /** JSON, but not an object with a {@code type} */
    NO_TYPE,
    /** a schema version newer than this server reads */
    NEWER_SCHEMA,
    /** a {@code type} this server does not know */
    UNKNOWN_TYPE,
    /** a known type whose fields do not make an observation (a missing uid, say) */
    INVALID,
    /** keyed by something other than its subject */
    WRONG_KEY,
    /** decoded, but nothing routes it */
    NO_ROUTE;

    /** The label value: {@code too_large}, {@code not_json}, ... */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  MalformedObservationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  MalformedObservationException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
