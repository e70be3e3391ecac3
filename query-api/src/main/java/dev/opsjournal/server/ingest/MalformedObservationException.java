package dev.opsjournal.server.ingest;

/** An observation that can never be processed, however often it is retried. */
class MalformedObservationException extends RuntimeException {

  MalformedObservationException(String message) {
    super(message);
  }

  MalformedObservationException(String message, Throwable cause) {
    super(message, cause);
  }
}
