package dev.opsjournal.core;

/** The Kafka topics of ops-journal: the public contract between collectors, server and users. */
public final class Topics {

  /** Raw facts from the collectors, keyed by subject (see {@code Observation#subject()}). */
  public static final String OBSERVATIONS = "opsjournal.observations";

  /** Observations the server could not process, as consumed, with the reason in headers. */
  public static final String OBSERVATIONS_DLT = "opsjournal.observations.dlt";

  /** Alerts for on-call tooling, keyed by the subject the alert is about. */
  public static final String ALERTS = "opsjournal.alerts";

  /**
   * Internal to the collectors, not a public surface: what each collector last published per object
   * (compacted, keyed by {@code ResourceKey}, a tombstone when the object is gone), so that a
   * restart or a new leader publishes only what changed meanwhile, deletions included.
   */
  public static final String COLLECTOR_INVENTORY = "opsjournal.collectors.inventory";

  private Topics() {}
}
