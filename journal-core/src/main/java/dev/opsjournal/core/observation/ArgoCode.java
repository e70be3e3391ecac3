package dev.opsjournal.core.observation;

/**
 * A code Argo CD writes into an Application's status. Stored events and observations keep the
 * string; the enums that implement this name what it means.
 */
interface ArgoCode {

  /** As Argo CD writes it. */
  String argoName();

  /** The constant Argo CD's {@code written} names, {@code unknown} for anything else. */
  static <E extends Enum<E> & ArgoCode> E read(E[] codes, String written, E unknown) {
    for (E code : codes) {
      if (code != unknown && code.argoName().equals(written)) {
        return code;
      }
    }
    return unknown;
  }
}
