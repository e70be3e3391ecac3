package dev.opsjournal.collectors.publish;

/** An observation could not be published; the caller keeps its checkpoint and tries again later. */
public class PublishException extends RuntimeException {

  public PublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
