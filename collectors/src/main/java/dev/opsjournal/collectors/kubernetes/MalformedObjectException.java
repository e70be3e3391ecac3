package dev.opsjournal.collectors.kubernetes;

/**
 * An object the API server served that cannot be read as its kind (a field of the wrong type, an
 * unparsable time). The collector logs it with the object's key and carries on with the next one.
 */
class MalformedObjectException extends RuntimeException {

  MalformedObjectException(String message) {
    super(message);
  }

  MalformedObjectException(String message, Throwable cause) {
    super(message, cause);
  }
}
