package dev.opsjournal.server.ownership;

import java.time.Instant;
import java.util.List;

/**
 * Who owned an object at an instant.
 *
 * @param owners the Application holding the object's tracking ({@code holder}) and, during a
 *     conflict, the others claiming it
 * @param declaredBy the Applications whose {@code status.resources} listed it
 * @param conflict the conflict in progress at that instant, or null
 */
public record OwnershipView(
    String resource,
    Instant at,
    List<Owner> owners,
    List<String> declaredBy,
    boolean inConflict,
    ConflictAt conflict) {

  /**
   * @param since when this Application's claim began (for the holder: when its tracking appeared)
   * @param tracking ANNOTATION or LABEL, for the holder; CONFLICT for the others
   */
  public record Owner(String application, Instant since, String tracking, boolean holder) {}

  /** A conflict as it stood at the instant asked about. */
  public record ConflictAt(
      int episode,
      Instant since,
      List<String> applications,
      String holder,
      int flipsSoFar,
      boolean loopDetected) {}
}
