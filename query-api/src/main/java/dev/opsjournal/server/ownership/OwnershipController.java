package dev.opsjournal.server.ownership;

import static dev.opsjournal.server.api.Rows.instant;

import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.api.NotFoundException;
import dev.opsjournal.server.api.Params;
import dev.opsjournal.server.api.ResourceQuery;
import dev.opsjournal.server.conflict.ConflictEpisodes;
import dev.opsjournal.server.timeline.TimelineEntries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/resources/owners}: who owned an object at an instant. */
@Tag(name = "Owners")
@RestController
class OwnershipController {

  private final Tenures tenures;
  private final Declarations declarations;
  private final ConflictEpisodes conflicts;
  private final TimelineEntries journaled;

  OwnershipController(
      Tenures tenures,
      Declarations declarations,
      ConflictEpisodes conflicts,
      TimelineEntries journaled) {
    this.tenures = tenures;
    this.declarations = declarations;
    this.conflicts = conflicts;
    this.journaled = journaled;
  }

  @Operation(
      summary = "Who owned an object at an instant",
      description =
          "The Application holding the object's tracking at that instant (since when, by which tracking), the Applications declaring it, and the conflict in progress, if any. 404 when the journal holds nothing about the object.")
  @GetMapping("/api/v1/resources/owners")
  OwnershipView owners(
      @ParameterObject ResourceQuery object,
      @Parameter(
              description = "The instant to answer for, ISO-8601 UTC, e.g. `2026-11-17T12:00:00Z`")
          @RequestParam(required = false)
          String at) {
    ResourceKey key = object.key();
    Instant instant = Params.requiredInstant("at", at);
    String resource = key.toString();
    if (!journaled.contains(resource)) {
      throw new NotFoundException("the journal holds nothing about " + resource);
    }

    Optional<OwnershipView.Owner> holder =
        tenures
            .at(resource, instant)
            .map(t -> new OwnershipView.Owner(t.application(), t.from(), t.tracking(), true));
    List<String> declaredBy = declarations.declaringAt(resource, instant);
    OwnershipView.ConflictAt conflict =
        conflicts
            .at(resource, instant)
            .map(
                c ->
                    new OwnershipView.ConflictAt(
                        c.episode(),
                        c.startedAt(),
                        c.applications(),
                        holder.map(OwnershipView.Owner::application).orElse(""),
                        c.flipsSoFar(),
                        c.loopDetectedAt() != null && !c.loopDetectedAt().isAfter(instant)))
            .orElse(null);

    List<OwnershipView.Owner> owners = new ArrayList<>();
    holder.ifPresent(owners::add);
    if (conflict != null) {
      conflict.applications().stream()
          .filter(app -> holder.map(h -> !h.application().equals(app)).orElse(true))
          .forEach(
              app -> owners.add(new OwnershipView.Owner(app, conflict.since(), "CONFLICT", false)));
    }
    return new OwnershipView(resource, instant, owners, declaredBy, conflict != null, conflict);
  }
}
