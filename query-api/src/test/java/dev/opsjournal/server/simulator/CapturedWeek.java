package dev.opsjournal.server.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.core.ResourceKey;
import dev.opsjournal.server.simulator.Estate.App;
import dev.opsjournal.server.simulator.Estate.Manifest;
import dev.opsjournal.server.testing.MockCluster;
import dev.opsjournal.server.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A messy simulated morning written down as a capture ({@link CaptureWriter}): auto-synced
 * Applications, hand edits a fraction of a second apart self-healed (the second after the backoff),
 * a hand edit left until a user syncs, and two self-healing Applications fighting over one Service
 * for the whole run. No collector and no journal are involved: the capture is the input of whatever
 * replays it.
 *
 * @param capture the capture, one watch event a line
 * @param objects the objects the estate declares, as the journal names them
 * @param applications the Applications, {@code namespace/name}
 * @param from when the run began
 * @param to when it ended
 * @param truth the simulator's ground truth of the run
 */
public record CapturedWeek(
    String capture,
    long lines,
    String cluster,
    List<ResourceKey> objects,
    List<String> applications,
    Instant from,
    Instant to,
    GroundTruth truth) {

  public static final String CLUSTER = "sim";
  public static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");

  /** Runs the simulation for {@code minutes} of virtual time (at least 30) and captures it. */
  public static CapturedWeek simulate(String revision, String repoUrl, int minutes) {
    Estate estate =
        new Estate(
            CLUSTER,
            repoUrl,
            revision,
            List.of(
                new App(
                    "shop",
                    "shop",
                    true,
                    List.of(Manifest.deployment("web", 3, "shop:1.4.2"), Manifest.service("web"))),
                new App(
                    "billing",
                    "billing",
                    false,
                    List.of(
                        Manifest.deployment("api", 2, "billing:2.0.1"), Manifest.service("api"))),
                new App(
                    "docs",
                    "docs",
                    true,
                    List.of(Manifest.deployment("docs", 1, "docs:3.1"), Manifest.service("docs"))),
                new App("docs-preview", "docs", true, List.of(Manifest.service("docs")))));
    MockCluster apiServer = MockCluster.start();
    try {
      MutableClock clock = new MutableClock(MONDAY);
      CaptureWriter writer = new CaptureWriter(apiServer.client(), clock, new ObjectMapper());
      Simulation simulation = new Simulation(apiServer.client(), clock, estate, MONDAY, 11, writer);
      simulation.personSetsReplicas(at("09:05:00.350"), "shop", "web", 5, "kubectl-edit");
      simulation.personSetsReplicas(at("09:05:01.200"), "shop", "web", 6, "kubectl");
      simulation.personSetsReplicas(at("09:12:00.800"), "billing", "api", 4, "kubectl-edit");
      simulation.userSyncs(at("09:20:00.700"), "billing", "grace");
      simulation.personSetsReplicas(at("09:24:10.050"), "shop", "web", 2, "kubectl-edit");
      Instant end = MONDAY.plusSeconds(60L * Math.max(30, minutes));
      simulation.runUntil(end);
      List<ResourceKey> objects = new ArrayList<>();
      List<String> applications = new ArrayList<>();
      for (App app : estate.apps()) {
        applications.add(Estate.ARGOCD_NAMESPACE + "/" + app.name());
        app.manifests().stream()
            .map(m -> simulation.keyOf(app.name(), m))
            .filter(k -> !objects.contains(k))
            .forEach(objects::add);
      }
      return new CapturedWeek(
          writer.capture(),
          writer.lines(),
          CLUSTER,
          List.copyOf(objects),
          List.copyOf(applications),
          MONDAY,
          end,
          simulation.truth());
    } finally {
      apiServer.close();
    }
  }

  private static Instant at(String time) {
    return Instant.parse("2026-11-30T" + time + "Z");
  }
}
