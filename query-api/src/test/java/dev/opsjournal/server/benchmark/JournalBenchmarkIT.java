package dev.opsjournal.server.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsjournal.collectors.testing.KafkaTestBroker;
import dev.opsjournal.core.Topics;
import dev.opsjournal.server.OpsJournalServer;
import dev.opsjournal.server.benchmark.Estate.Generated;
import dev.opsjournal.server.benchmark.Estate.Kind;
import dev.opsjournal.server.testing.JournalDriver;
import dev.opsjournal.server.testing.TestPostgres;
import dev.opsjournal.server.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A measurement, not a test: excluded from every default run, run with {@code -Pbenchmark} (see
 * {@code docs/benchmarks.md}). Generates a synthetic estate ({@link Estate}), measures the raw
 * baseline of this machine for the same observations ({@link RawBaseline}), then a journal server
 * on a real Kafka and a real PostgreSQL: sustained ingest, freshness at a steady rate, queries, the
 * weekly Markdown, a projection rebuild and the server's heap. Prints every figure, and the ingest
 * figures as a ratio to the baseline, as lines starting with {@code BENCHMARK}.
 *
 * <p>Knobs (system properties): {@code bench.apps} (10000), {@code bench.objects} (200000), {@code
 * bench.mix} (observations in the steady firehose, default = objects), {@code bench.rate} (1000
 * observations/s for freshness), {@code bench.freshnessSeconds} (30), {@code bench.queries} (2000
 * requests per endpoint), {@code bench.padTimelineRows} (0: extra synthetic read-model rows to
 * query against), {@code bench.profile} (true: JFR recordings of the seed and of the firehose
 * ingest), {@code bench.scales} (1: a list such as {@code 1,2} runs the whole benchmark again at
 * each multiple of the estate), {@code bench.projectionBatchSize} (unset: Axon's default of 1; the
 * batch size of the projections' tracking processors), {@code bench.serverArgs} (more server
 * arguments, space-separated), {@code bench.weeklyRuns} (3: weekly Markdown requests, the best
 * counts), {@code bench.weekly} (unset: runs; {@code false} skips it).
 */
@Tag("benchmark")
@Tag("integration")
class JournalBenchmarkIT {

  @RegisterExtension static final KafkaTestBroker kafkaBroker = new KafkaTestBroker();

  private static final Duration PATIENCE = Duration.ofHours(2);
  private static final String WEEK = "2026-W47";

  private final Map<String, String> figures = new LinkedHashMap<>();

  @Test
  void measure() throws Exception {
    int apps = Integer.getInteger("bench.apps", 10_000);
    int objects = Integer.getInteger("bench.objects", 200_000);
    String scales = System.getProperty("bench.scales", "1");
    print(
        "machine: %d cores, max heap %d MiB, %s %s",
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"));
    List<Map<String, String>> runs = new ArrayList<>();
    for (String scale : scales.split(",")) {
      int factor = Integer.parseInt(scale.strip());
      figures.clear();
      runOnce(apps * factor, objects * factor, factor);
      runs.add(new LinkedHashMap<>(figures));
    }
    if (runs.size() > 1) {
      print("growth (each run against the first):");
      for (String figure : runs.get(0).keySet()) {
        StringBuilder line = new StringBuilder(figure + ":");
        for (Map<String, String> run : runs) {
          line.append("  ").append(run.getOrDefault(figure, "-"));
        }
        print("  %s", line);
      }
    }
  }

  private void runOnce(int apps, int objects, int scale) throws Exception {
    int mixSize = Integer.getInteger("bench.mix", objects);
    int rate = Integer.getInteger("bench.rate", 1000);
    int freshnessSeconds = Integer.getInteger("bench.freshnessSeconds", 30);
    print("==== estate x%d: %,d Applications, %,d objects ====", scale, apps, objects);

    // the whole run lands in ISO week 2026-W47: the clock moves so that it ends by Sunday
    long total = apps + objects + (long) mixSize * 51 / 50 + (long) rate * freshnessSeconds + 100;
    long step = Math.max(1, Duration.ofDays(6).toMillis() / total);
    Estate estate = new Estate(apps, objects, 42 + scale, step);
    long generating = System.nanoTime();
    List<Generated> seed = estate.seed();
    List<Generated> mix = estate.mix(mixSize);
    List<Generated> steady = estate.mix(rate * freshnessSeconds);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    json.setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    List<String[]> seedRecords = serialize(json, seed);
    List<String[]> mixRecords = serialize(json, mix);
    List<String[]> steadyRecords = serialize(json, steady);
    print(
        "generated %,d seed + %,d firehose + %,d steady observations in %.1f s; mix %s",
        seed.size(), mix.size(), steady.size(), seconds(generating), estate.counts());

    // raw baseline, same data, same broker, same PostgreSQL server
    RawBaseline baseline = new RawBaseline(kafkaBroker.bootstrapServers(), rawDatabase());
    double rawSeed = baseline.run("bench.raw.seed." + scale, seedRecords, 6);
    double rawMix = baseline.run("bench.raw.mix." + scale, mixRecords, 6);
    figure("baseline seed (obs/s)", "%.0f", rawSeed);
    figure("baseline firehose (obs/s)", "%.0f", rawMix);

    long heapBeforeServer = heapAfterGc();
    String database = TestPostgres.newDatabase();
    try (ConfigurableApplicationContext server = start(database)) {
      JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
      JournalDriver driver = driver(server);
      @SuppressWarnings("unchecked")
      KafkaTemplate<String, String> kafka = server.getBean(KafkaTemplate.class);

      // 1. sustained ingest: the first list of the estate, then the steady firehose
      boolean profile = Boolean.parseBoolean(System.getProperty("bench.profile", "true"));
      Path seedJfr = Path.of("target", "benchmark-seed-x" + scale + ".jfr");
      Path jfr = Path.of("target", "benchmark-ingest-x" + scale + ".jfr");
      Recording seedRecording = profile ? startRecording() : null;
      double seedRate = ingest(kafka, driver, jdbc, seedRecords);
      stopRecording(seedRecording, seedJfr);
      figure("ingest seed (obs/s)", "%.0f", seedRate);
      figure("ingest seed / baseline", "%.1f%%", 100 * seedRate / rawSeed);
      long eventsAfterSeed = driver.storedEvents();
      Recording recording = profile ? startRecording() : null;
      double mixRate = ingest(kafka, driver, jdbc, mixRecords);
      stopRecording(recording, jfr);
      figure("ingest firehose (obs/s)", "%.0f", mixRate);
      figure("ingest firehose / baseline", "%.1f%%", 100 * mixRate / rawMix);
      long events = driver.storedEvents();
      print(
          "events stored: %,d after the seed, %,d after the firehose (%.3f events per firehose"
              + " observation)",
          eventsAfterSeed, events, (events - eventsAfterSeed) / (double) mixRecords.size());
      print(
          "exact re-observations dropped before the command bus so far: %,.0f",
          server.getBean(MeterRegistry.class).counter("opsjournal.ingest.repeats").count());

      // 2. freshness at a steady rate
      freshness(kafka, driver, jdbc, steady, steadyRecords, rate);

      // 3. footprint at steady state
      long heapServer = heapAfterGc();
      figure(
          "server heap after GC (MiB)",
          "%.0f",
          (heapServer - heapBeforeServer) / (double) (1 << 20));
      print(
          "  (JVM heap after GC %.0f MiB with the server, %.0f MiB before it started: harness,"
              + " in-process Kafka broker and the generated observations)",
          heapServer / (double) (1 << 20), heapBeforeServer / (double) (1 << 20));

      // 4. queries
      int port = server.getEnvironment().getProperty("local.server.port", Integer.class);
      queries(jdbc, port, estate, objects, "");
      // the weekly Markdown is linear in the week's entries (docs/benchmarks.md): it runs
      // unless -Dbench.weekly=false
      if (!System.getProperty("bench.weekly", "true").equals("false")) {
        weekly(jdbc, port);
      } else {
        print(
            "  weekly Markdown skipped: -Dbench.weekly=false (%,d Applications, %,d objects)",
            apps, objects);
      }
      long pad = Long.getLong("bench.padTimelineRows", 0);
      if (pad > 0) {
        padReadModel(jdbc, pad, objects);
        queries(jdbc, port, estate, objects, " (padded)");
      }
      explain(jdbc, estate);

      // 5. projection rebuild
      rebuild(server, driver, jdbc);

      if (profile) {
        hotMethods(seedJfr);
        hotMethods(jfr);
      }
    }
  }

  private double ingest(
      KafkaTemplate<String, String> kafka,
      JournalDriver driver,
      JdbcTemplate jdbc,
      List<String[]> r)
      throws Exception {
    long commitsBefore = commits(jdbc);
    long started = System.nanoTime();
    for (String[] record : r) {
      kafka.send(Topics.OBSERVATIONS, record[0], record[1]);
    }
    kafka.flush();
    double published = seconds(started);
    driver.settle(PATIENCE);
    double elapsed = seconds(started);
    long commits = commits(jdbc) - commitsBefore;
    print(
        "  %,d observations published in %.1f s, consumed and projected in %.1f s;"
            + " %,d PostgreSQL commits (%.1f per observation, %.0f/s)",
        r.size(), published, elapsed, commits, commits / (double) r.size(), commits / elapsed);
    return r.size() / elapsed;
  }

  private void freshness(
      KafkaTemplate<String, String> kafka,
      JournalDriver driver,
      JdbcTemplate jdbc,
      List<Generated> steady,
      List<String[]> records,
      int rate)
      throws Exception {
    Map<String, Long> pending = new ConcurrentHashMap<>();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean polling = new AtomicBoolean(true);
    long[] lastId = {
      jdbc.queryForObject("select coalesce(max(id), 0) from timeline_entry", Long.class)
    };
    Thread poller =
        new Thread(
            () -> {
              while (polling.get()) {
                List<Map<String, Object>> rows =
                    jdbc.queryForList(
                        "select id, resource_key from timeline_entry where id > ? order by id",
                        lastId[0]);
                long now = System.nanoTime();
                for (Map<String, Object> row : rows) {
                  lastId[0] = Math.max(lastId[0], ((Number) row.get("id")).longValue());
                  Long sent = pending.remove((String) row.get("resource_key"));
                  if (sent != null) {
                    latencies.add(now - sent);
                  }
                }
                LockSupport.parkNanos(2_000_000); // pacing the poll, 2 ms
              }
            },
            "freshness-poller");
    poller.start();
    long interval = 1_000_000_000L / rate;
    long started = System.nanoTime();
    int sampled = 0;
    for (int i = 0; i < records.size(); i++) {
      long due = started + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait); // pacing the publisher at a steady rate
      }
      String[] record = records.get(i);
      Kind kind = steady.get(i).kind();
      if (kind.journaled() && !pending.containsKey(record[0])) {
        pending.put(record[0], System.nanoTime());
        sampled++;
      }
      kafka.send(Topics.OBSERVATIONS, record[0], record[1]);
    }
    double publishing = seconds(started);
    driver.settle(PATIENCE);
    double drained = seconds(started);
    // let the poller see the last rows
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(10_000_000);
    }
    polling.set(false);
    poller.join();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    print(
        "  freshness: %,d observations at %d/s published in %.1f s, settled after %.1f s;"
            + " %d of %d sampled journaled changes seen on the timeline",
        records.size(), rate, publishing, drained, sorted.length, sampled);
    figure("freshness p50 (ms)", "%.0f", percentile(sorted, 50) / 1e6);
    figure("freshness p99 (ms)", "%.0f", percentile(sorted, 99) / 1e6);
    figure("freshness max (ms)", "%.0f", percentile(sorted, 100) / 1e6);
  }

  private void queries(JdbcTemplate jdbc, int port, Estate estate, int objects, String label)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int count = Integer.getInteger("bench.queries", 2000);
    Random random = new Random(7);
    String at = Estate.MONDAY.plus(Duration.ofDays(3)).toString();
    long timelineRows = jdbc.queryForObject("select count(*) from timeline_entry", Long.class);
    long ownershipRows = jdbc.queryForObject("select count(*) from ownership_interval", Long.class);
    print(
        "  queries%s against %,d timeline rows, %,d ownership intervals, %,d stored events",
        label, timelineRows, ownershipRows, storedEvents(jdbc));
    long[] owners = new long[count];
    long[] timeline = new long[count];
    for (int warm = 0; warm < 2; warm++) {
      for (int i = 0; i < count; i++) {
        dev.opsjournal.core.ResourceKey key = estate.key(random.nextInt(objects));
        String params =
            "cluster="
                + key.cluster()
                + "&group="
                + key.group()
                + "&kind="
                + key.kind()
                + "&namespace="
                + key.namespace()
                + "&name="
                + key.name();
        owners[i] = get(http, port, "/api/v1/resources/owners?" + params + "&at=" + enc(at));
        timeline[i] =
            get(
                http,
                port,
                "/api/v1/resources/timeline?"
                    + params
                    + "&from="
                    + enc(Estate.MONDAY.toString())
                    + "&to="
                    + enc(Estate.MONDAY.plus(Duration.ofDays(7)).toString()));
      }
    }
    Arrays.sort(owners);
    Arrays.sort(timeline);
    figure("owners p50 (ms)" + label, "%.2f", percentile(owners, 50) / 1e6);
    figure("owners p99 (ms)" + label, "%.2f", percentile(owners, 99) / 1e6);
    figure("timeline p50 (ms)" + label, "%.2f", percentile(timeline, 50) / 1e6);
    figure("timeline p99 (ms)" + label, "%.2f", percentile(timeline, 99) / 1e6);
  }

  private void weekly(JdbcTemplate jdbc, int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long entries =
        jdbc.queryForObject(
            "select count(*) from timeline_entry where at >= ? and at < ?",
            Long.class,
            java.sql.Timestamp.from(Estate.MONDAY),
            java.sql.Timestamp.from(Estate.MONDAY.plus(Duration.ofDays(7))));
    long best = Long.MAX_VALUE;
    int length = 0;
    for (int i = 0; i < Integer.getInteger("bench.weeklyRuns", 3); i++) {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/v1/journal/weekly?week=" + WEEK))
              .header("Authorization", "Bearer " + TestTokens.TOKEN)
              .timeout(Duration.ofMinutes(10))
              .build();
      long started = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - started;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("weekly journal answered " + response.statusCode());
      }
      length = response.body().length();
      Files.writeString(Path.of("target", "benchmark-weekly-" + WEEK + ".md"), response.body());
      best = Math.min(best, took);
      print("  weekly Markdown %s: %.2f s, %,d characters", WEEK, took / 1e9, length);
    }
    figure("weekly Markdown: timeline entries in the week", "%.0f", entries);
    figure("weekly Markdown: characters", "%.0f", length);
    figure("weekly Markdown (s)", "%.2f", best / 1e9);
  }

  private void padReadModel(JdbcTemplate jdbc, long rows, int objects) {
    long started = System.nanoTime();
    // keys that look like the estate's but belong to objects that do not exist: every query
    // key still finds its own few rows, the indexes hold `rows` more
    jdbc.execute(
        "insert into timeline_entry (event_id, resource_key, at, type, summary, details)"
            + " select 'pad-' || g, 'bench/apps/Deployment/pad-' || (g % 1000) || '/obj-' || (g /"
            + " 10), timestamptz '2026-11-09' + (g % 600000) * interval '1 second',"
            + " 'ResourceChanged', 'padding', '{\"padding\":true}'::jsonb"
            + " from generate_series(1, "
            + rows
            + ") g");
    jdbc.execute(
        "insert into ownership_interval (resource_key, application, tracking, valid_from)"
            + " select 'bench/apps/Deployment/pad-' || (g % 1000) || '/obj-' || g, 'app-pad',"
            + " 'annotation', timestamptz '2026-11-09' from generate_series(1, "
            + rows / 10
            + ") g");
    jdbc.execute("analyze timeline_entry");
    jdbc.execute("analyze ownership_interval");
    print(
        "  padded the read model with %,d timeline rows and %,d ownership intervals in %.1f s",
        rows, rows / 10, seconds(started));
  }

  private void explain(JdbcTemplate jdbc, Estate estate) {
    String key = Estate.CLUSTER + "/apps/Deployment/ns-0/obj-0";
    Object at = java.sql.Timestamp.from(Estate.MONDAY.plus(Duration.ofDays(3)));
    print("  EXPLAIN owners (ownership_interval):");
    for (String line :
        jdbc.queryForList(
            "explain analyze select application, tracking, valid_from from ownership_interval"
                + " where resource_key = ? and valid_from <= ? and (valid_to is null or valid_to"
                + " > ?) order by valid_from desc limit 1",
            String.class,
            key,
            at,
            at)) {
      print("    %s", line);
    }
    print("  EXPLAIN timeline (timeline_entry):");
    for (String line :
        jdbc.queryForList(
            "explain analyze select at, type, summary, details::text as details from"
                + " timeline_entry where resource_key = ? and at >= ? and at < ? order by at, id"
                + " limit 101",
            String.class,
            key,
            java.sql.Timestamp.from(Estate.MONDAY),
            java.sql.Timestamp.from(Estate.MONDAY.plus(Duration.ofDays(7))))) {
      print("    %s", line);
    }
  }

  private void rebuild(
      ConfigurableApplicationContext server, JournalDriver driver, JdbcTemplate jdbc) {
    long events = storedEvents(jdbc);
    long commitsBefore = commits(jdbc);
    long started = System.nanoTime();
    JournalDriver.Replay replay = driver.replayProjections();
    driver.awaitProcessorsAtHead(PATIENCE);
    double elapsed = seconds(started);
    print("  rebuild: %,d PostgreSQL commits", commits(jdbc) - commitsBefore);
    print(
        "  rebuild: %s replayed %,d events in %.1f s (not replayable: %s)",
        replay.replayed(), events, elapsed, replay.refused());
    figure("rebuild (events/s, all projections at once)", "%.0f", events / elapsed);
  }

  private void hotMethods(Path jfr) throws Exception {
    Map<String, Integer> top = new HashMap<>();
    Map<String, Integer> ours = new HashMap<>();
    Map<String, Integer> threads = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null
          || event.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      samples++;
      RecordedThread thread = event.getThread("sampledThread");
      threads.merge(
          thread == null ? "?" : thread.getJavaName().replaceAll("[-\\d]+$", ""), 1, Integer::sum);
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      top.merge(frame(frames.get(0)), 1, Integer::sum);
      frames.stream()
          .map(JournalBenchmarkIT::frame)
          .filter(f -> f.startsWith("dev.opsjournal") || f.startsWith("org.axonframework"))
          .distinct()
          .forEach(f -> ours.merge(f, 1, Integer::sum));
    }
    int all = samples;
    print("profile (%s, %,d execution samples): hottest top frames", jfr, all);
    top.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(15)
        .forEach(e -> print("    %5.1f%%  %s", 100.0 * e.getValue() / all, e.getKey()));
    print("  samples by thread (numbers stripped):");
    threads.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> print("    %5.1f%%  %s", 100.0 * e.getValue() / all, e.getKey()));
    print("  ops-journal and Axon frames on the stack (inclusive):");
    ours.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(25)
        .forEach(e -> print("    %5.1f%%  %s", 100.0 * e.getValue() / all, e.getKey()));
  }

  private static String frame(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static void stopRecording(Recording recording, Path file) throws Exception {
    if (recording != null) {
      recording.stop();
      recording.dump(file);
      recording.close();
    }
  }

  private static Recording startRecording() throws Exception {
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.start();
    return recording;
  }

  private static long get(HttpClient http, int port, String pathAndQuery) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
            .header("Authorization", "Bearer " + TestTokens.TOKEN)
            .build();
    long started = System.nanoTime();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - started;
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          pathAndQuery + " answered " + response.statusCode() + ": " + response.body());
    }
    return took;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String[]> serialize(ObjectMapper json, List<Generated> observations)
      throws Exception {
    List<String[]> out = new ArrayList<>(observations.size());
    for (Generated g : observations) {
      out.add(new String[] {g.observation().subject(), json.writeValueAsString(g.observation())});
    }
    return out;
  }

  /** Transactions committed in the journal's database so far (pg_stat_database). */
  private static long commits(JdbcTemplate jdbc) {
    jdbc.execute("select pg_stat_clear_snapshot()");
    return jdbc.queryForObject(
        "select xact_commit from pg_stat_database where datname = current_database()", Long.class);
  }

  private static long storedEvents(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
  }

  private static String rawDatabase() {
    return TestPostgres.newDatabase();
  }

  /** The projections (the processors that can be replayed); the policies are left alone. */
  private static final List<String> PROJECTIONS =
      List.of(
          "ownership",
          "syncs",
          "drifts",
          "report",
          "outages",
          "conflicts",
          "timeline",
          "commits",
          "applications");

  private static ConfigurableApplicationContext start(String database) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafkaBroker.bootstrapServers(),
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=postgres",
                "--opsjournal.api.tokens=" + TestTokens.TOKEN));
    String batchSize = System.getProperty("bench.projectionBatchSize", "");
    if (!batchSize.isBlank()) {
      for (String projection : PROJECTIONS) {
        args.add("--axon.eventhandling.processors." + projection + ".batch-size=" + batchSize);
      }
    }
    String extra = System.getProperty("bench.serverArgs", "");
    if (!extra.isBlank()) {
      args.addAll(Arrays.asList(extra.strip().split("\\s+")));
    }
    print("server arguments: %s", args.subList(4, args.size()));
    return new SpringApplicationBuilder(OpsJournalServer.class).run(args.toArray(String[]::new));
  }

  @SuppressWarnings("unchecked")
  private static JournalDriver driver(ConfigurableApplicationContext server) {
    return new JournalDriver(
        server.getBean(KafkaTemplate.class),
        server.getBean(ObjectMapper.class),
        server.getBean(EventProcessingConfiguration.class),
        server.getBean(JdbcTemplate.class),
        kafkaBroker.bootstrapServers(),
        "ops-journal-server");
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private void figure(String name, String format, double value) {
    String formatted = String.format(Locale.ROOT, format, value);
    figures.put(name, formatted);
    print("FIGURE %-48s %s", name, formatted);
  }

  private static void print(String format, Object... args) {
    System.out.println("BENCHMARK " + String.format(Locale.ROOT, format, args));
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
