package dev.opsjournal.server.ownership;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "Who owned an object at an instant")
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
  @Schema(
      description =
          "An Application claiming the object: the holder of its tracking, or another party to a conflict")
  public record Owner(String application, Instant since, String tracking, boolean holder) {}

  /** A conflict as it stood at the instant asked about. */
  @Schema(description = "The conflict over the object as it stood at that instant")
  public record ConflictAt(
      int episode,
      Instant since,
      List<String> applications,
      String holder,
      int flipsSoFar,
      boolean loopDetected) {}
}
