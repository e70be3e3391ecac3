package dev.opsjournal.server.api;

/** The journal holds nothing about what was asked for. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
