package dev.opsjournal.core.observation;

import java.util.List;
import java.util.Map;

/**
 * Small helpers for the observation records: null collections become empty, copies are immutable.
 */
final class Observations {

  private Observations() {}

  static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : List.copyOf(values);
  }

  static <K, V> Map<K, V> map(Map<K, V> values) {
    return values == null ? Map.of() : Map.copyOf(values);
  }

  static <T> T required(T value, String what) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      throw new IllegalArgumentException("an observation needs " + what);
    }
    return value;
  }
}
