package dev.opsjournal.server.api;

/** A request parameter that cannot be used, named so that the caller can fix it. */
public class BadRequestException extends RuntimeException {

  private final String parameter;

  public BadRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
