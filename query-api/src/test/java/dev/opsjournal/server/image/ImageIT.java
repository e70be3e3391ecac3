package dev.opsjournal.server.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.security.auth.module.UnixSystem;
import dev.opsjournal.server.testing.ServerProcesses;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image as Jib wrote it ({@code target/ops-journal-image.tar}, profile {@code
 * -Pimage}), tested without Docker: its manifest and config are read and checked against the
 * deploy/ manifests and against its base (the application is one layer on it, whichever base was
 * used: {@code image.base}, or with {@code -Pimage,image-offline} the base assembled here), its
 * layers are unpacked in order into a root file system, and that file system is run the way a pod
 * runs it — in a mount namespace, entered as its root in its working directory, as the image's user
 * where this machine allows it (as root), with the root file system read-only, a fresh tmpfs on
 * {@code /tmp} and nothing else writable. There the server starts from the Deployment's own command
 * (its in-process Kafka, an external PostgreSQL) and answers the API, the collectors start from
 * theirs, and the standalone mode's embedded PostgreSQL, which needs a shell, says so.
 *
 * <p>Needs {@code unshare}, {@code chroot} and {@code mount} (util-linux, coreutils), and either
 * root or unprivileged user namespaces; elsewhere it is skipped, and says why.
 */
@Tag("image")
class ImageIT {

  private static final Path TAR =
      Path.of(System.getProperty("image.tar", "target/ops-journal-image.tar"));

  /** What the image was built on: a registry image by digest, or {@code tar://} a local one. */
  private static final String BASE = System.getProperty("image.base", "");

  /** Built with -Pimage,image-offline: the base was assembled here, its files are ours too. */
  private static final boolean OFFLINE = Boolean.getBoolean("image.offline");

  private static final Path DEPLOY = Path.of("..", "deploy", "base");
  private static final String JAR = "/app/query-api.jar";
  private static final Duration STARTUP = Duration.ofMinutes(4);

  @TempDir static Path workspace;

  private static JsonNode manifest;
  private static JsonNode config;
  private static Path rootfs;
  private static Map<String, Entry> entries;
  private static List<String> diffIds;
  private static Path blobs;
  private static EmbeddedPostgres postgres;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ServerProcesses processes = new ServerProcesses();

  /** A file of the image as its last layer left it, and that layer (from 0). */
  record Entry(char type, int mode, long uid, long gid, int layer) {}

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(TAR)
        .as("the image tar: build it with mvn -pl query-api -am verify -Pimage[,image-offline]")
        .isRegularFile();
    blobs = Files.createDirectories(workspace.resolve("blobs"));
    ObjectMapper json = new ObjectMapper();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(TAR)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.isFile()) {
          Files.copy(tar, blobs.resolve(safeName(e.getName())));
        }
      }
    }
    JsonNode manifests = json.readTree(blobs.resolve("manifest.json").toFile());
    assertThat(manifests).as("manifest.json: one image").hasSize(1);
    manifest = manifests.get(0);
    config = json.readTree(blobs.resolve(safeName(manifest.get("Config").asText())).toFile());

    rootfs = Files.createDirectories(workspace.resolve("rootfs"));
    entries = new TreeMap<>();
    diffIds = new ArrayList<>();
    for (JsonNode layer : manifest.get("Layers")) {
      diffIds.add(
          extractLayer(blobs.resolve(safeName(layer.asText())), rootfs, entries, diffIds.size()));
    }
    // what a container runtime provides: mount points for /proc and /dev
    Files.createDirectories(rootfs.resolve("proc"));
    Files.createDirectories(rootfs.resolve("dev"));
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void stopWhatIsLeft() throws InterruptedException {
    processes.stopWhatIsLeft();
  }

  @Test
  void theConfigRunsTheBootJarAsTheManifestsNonRootUserWithoutTheStandaloneMode() throws Exception {
    JsonNode server = deployment("server-deployment.yaml");
    JsonNode collectors = deployment("collectors-deployment.yaml");
    String image = container(server).get("image").asText();
    assertThat(container(collectors).get("image").asText()).isEqualTo(image);
    assertThat(manifest.get("RepoTags")).as("the tag the manifests deploy").hasSize(1);
    assertThat(manifest.get("RepoTags").get(0).asText()).isEqualTo(image);

    JsonNode c = config.get("config");
    String user = c.get("User").asText();
    assertThat(user).as("numeric, so that runAsNonRoot can verify it").matches("\\d+:\\d+");
    String[] ids = user.split(":");
    assertThat(Long.parseLong(ids[0])).as("uid").isPositive();
    JsonNode podSecurity = server.at("/spec/template/spec/securityContext");
    assertThat(ids[0]).isEqualTo(podSecurity.get("runAsUser").asText());
    assertThat(ids[1]).isEqualTo(podSecurity.get("runAsGroup").asText());

    Map<String, String> env = env();
    String javaHome = env.get("JAVA_HOME");
    assertThat(javaHome).as("JAVA_HOME, from the base").startsWith("/");
    assertThat(entries).as("the base's java").containsKey(javaHome + "/bin/java");
    assertThat(strings(c.get("Entrypoint"))).containsExactly(javaHome + "/bin/java", "-jar", JAR);
    assertThat(strings(c.get("Cmd"))).as("no default arguments").isEmpty();
    assertThat(env.get("PATH").split(":"))
        .as("the manifests' commands run `java`")
        .contains(javaHome + "/bin");
    assertThat(config.toString().toLowerCase())
        .as("standalone mode is off unless asked for")
        .doesNotContain("standalone");
    assertThat(c.get("ExposedPorts").has("8080/tcp")).isTrue();
    assertThat(c.get("WorkingDir").asText()).isEqualTo("/app");

    JsonNode labels = c.get("Labels");
    assertThat(labels.get("org.opencontainers.image.source").asText()).startsWith("https://");
    assertThat(labels.get("org.opencontainers.image.base.name").asText())
        .as("the base it was built on")
        .isEqualTo(OFFLINE ? "scratch" : BASE);
    String version;
    try (JarFile jar = new JarFile(rootfs.resolve(JAR.substring(1)).toFile())) {
      version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
    assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(version);
    assertThat(image).endsWith(":" + version.replace("-SNAPSHOT", ""));

    assertThat(config.at("/rootfs/diff_ids").toString())
        .as("each layer is the one the config names")
        .isEqualTo(new ObjectMapper().valueToTree(diffIds).toString());
  }

  @Test
  void theApplicationIsOneLayerOnTheBase() throws Exception {
    int app = diffIds.size() - 1;
    assertThat(app).as("layers under the application's").isPositive();
    assertThat(entries.entrySet().stream().filter(e -> e.getValue().layer() == app))
        .extracting(Map.Entry::getKey)
        .as("the application's layer")
        .containsExactlyInAnyOrder("/app", JAR);
    assertThat(Files.mismatch(rootfs.resolve(JAR.substring(1)), ServerProcesses.bootJar()))
        .as("the jar this build made")
        .isEqualTo(-1L);
    assumeTrue(
        BASE.startsWith("tar://"),
        "the base " + BASE + " is in a registry: its layers are not compared here");
    Path baseTar = Path.of(BASE.substring("tar://".length()));
    JsonNode baseConfig = dockerSaveConfig(baseTar);
    assertThat(diffIds.subList(0, app))
        .as("the base's layers, unchanged, under the application's")
        .containsExactlyElementsOf(strings(baseConfig.at("/rootfs/diff_ids")));
    assertThat(strings(config.at("/config/Env")))
        .as("the base's environment, kept")
        .containsAll(strings(baseConfig.at("/config/Env")));
  }

  @Test
  void theFileSystemIsRootOwnedAndOnlyTmpIsWritable() throws IOException {
    assertThat(entries).containsKeys("/app/query-api.jar", "/tmp");
    int own = OFFLINE ? 0 : diffIds.size() - 1; // a registry base's own files are its own affair
    entries.forEach(
        (path, e) -> {
          if (e.layer() < own) {
            return;
          }
          assertThat(e.uid()).as("%s owner", path).isZero();
          assertThat(e.gid()).as("%s group", path).isZero();
          if (!path.equals("/tmp")) {
            assertThat(e.mode() & 0022).as("%s writable by group or others", path).isZero();
          }
        });
    assertThat(entries.get("/tmp").mode() & 0777).isEqualTo(0777);
    assertThat(entries.get(env().get("JAVA_HOME") + "/bin/java").mode() & 0111).isEqualTo(0111);
    if (OFFLINE) {
      assertThat(imageUserInPasswd()).as("/etc/passwd names the image's user").isTrue();
    }
  }

  @Test
  void javaRunsInTheImageAsItsUser() throws Exception {
    Runner runner = runner();
    Path log = workspace.resolve("java-version.log");
    Process java =
        start(runner, List.of("java", "-XshowSettings:properties", "-version"), env(), log);
    assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(java.exitValue()).as(out).isZero();
    assertThat(out).contains("java.version = 17").contains("java.io.tmpdir = /tmp");
    if (runner.asImageUser() && imageUserInPasswd()) {
      assertThat(out).contains("user.name = opsjournal").contains("user.home = /tmp");
    }
    if (runner.inWorkingDir()) {
      assertThat(out).contains("user.dir = /app");
    }
  }

  @Test
  void theServerAndTheCollectorsStartFromTheirDeploymentsCommands() throws Exception {
    Runner runner = runner();
    int[] ports = ServerProcesses.freePorts(6);
    int serverPort = ports[0];
    int kafkaPort = ports[1];
    int collectorsPort = ports[4];
    postgres = EmbeddedPostgres.builder().setPort(ports[3]).start();

    // the server, with the Deployment's command and JVM options: the standalone mode's Kafka in
    // the process (no Kafka here otherwise), a PostgreSQL outside the image
    JsonNode server = container(deployment("server-deployment.yaml"));
    Map<String, String> serverEnv = env();
    serverEnv.put("JAVA_TOOL_OPTIONS", plainEnv(server).get("JAVA_TOOL_OPTIONS"));
    List<String> serverCommand = new ArrayList<>(strings(server.get("command")));
    serverCommand.addAll(
        List.of(
            "--opsjournal.standalone.enabled=true",
            "--opsjournal.standalone.data-dir=/tmp/ops-journal",
            "--opsjournal.standalone.kafka.port=" + kafkaPort,
            "--opsjournal.standalone.kafka.controller-port=" + ports[2],
            "--spring.datasource.url=jdbc:postgresql://localhost:" + ports[3] + "/postgres",
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--server.port=" + serverPort));
    Path serverLog = workspace.resolve("server.log");
    Process serverProcess = start(runner, serverCommand, serverEnv, serverLog);

    // the collectors, with their Deployment's command and plain environment, on that Kafka;
    // the collectors themselves off (no cluster, no Git here): this is about the image
    JsonNode collectors = container(deployment("collectors-deployment.yaml"));
    Map<String, String> collectorsEnv = env();
    collectorsEnv.putAll(plainEnv(collectors));
    collectorsEnv.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + kafkaPort);
    collectorsEnv.put("SERVER_PORT", String.valueOf(collectorsPort));
    collectorsEnv.put("MANAGEMENT_SERVER_PORT", String.valueOf(ports[5]));
    collectorsEnv.put("OPSJOURNAL_COLLECTORS_KUBERNETES_ENABLED", "false");
    collectorsEnv.put("OPSJOURNAL_COLLECTORS_GIT_ENABLED", "false");

    processes.awaitReady(serverProcess, serverPort, serverLog, STARTUP);
    HttpResponse<String> conflicts =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + serverPort + "/api/v1/conflicts"))
                .header("Authorization", "Bearer standalone")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(conflicts.statusCode()).as(conflicts.body()).isEqualTo(200);

    Path collectorsLog = workspace.resolve("collectors.log");
    Process collectorsProcess =
        start(runner, strings(collectors.get("command")), collectorsEnv, collectorsLog);
    processes.awaitReady(collectorsProcess, collectorsPort, collectorsLog, STARTUP);
    assertThat(Files.readString(collectorsLog)).contains("Started CollectorsApplication");

    // SIGTERM to the JVM itself: unshare, sh and chroot exec into it
    ServerProcesses.stop(collectorsProcess);
    ServerProcesses.stop(serverProcess);
    if (runner.asImageUser() && runner.inWorkingDir()) {
      assertThat(Files.readString(serverLog)).contains("started by opsjournal in /app");
    }
    assertThat(Files.readString(serverLog))
        .contains("Started OpsJournalServer")
        .contains("Kafka: in-process KRaft broker listening on localhost:" + kafkaPort)
        .contains("Kafka: stopped")
        .doesNotContain("read-only root file system not possible");
  }

  @Test
  void theStandaloneModesEmbeddedPostgresSaysItNeedsAShell() throws Exception {
    assumeTrue(
        !entries.containsKey("/bin/sh") && !entries.containsKey("/usr/bin/sh"),
        "the base " + BASE + " has a shell");
    Path log = workspace.resolve("standalone.log");
    List<String> command = new ArrayList<>(strings(config.at("/config/Entrypoint")));
    command.addAll(List.of("--opsjournal.standalone.enabled=true", "--server.port=0"));
    Process process = start(runner(), command, env(), log);
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("ends by itself").isTrue();
    assertThat(process.exitValue()).isNotZero();
    assertThat(Files.readString(log))
        .contains("the embedded PostgreSQL cannot run here")
        .contains("set spring.datasource.url")
        .doesNotContain("Kafka: in-process KRaft broker listening");
  }

  // --- running the root file system

  /**
   * How this machine can run a command in the image's root file system: {@code prefix} + command;
   * {@code asImageUser} when it runs as the image's user, {@code inWorkingDir} when in its working
   * directory.
   */
  record Runner(List<String> prefix, boolean asImageUser, boolean inWorkingDir) {}

  private static Runner runner() throws Exception {
    String unshare = executable("unshare");
    String chroot = executable("chroot");
    String mount = executable("mount");
    assumeTrue(
        unshare != null && chroot != null && mount != null,
        "needs unshare, chroot and mount (util-linux, coreutils) to run the image without Docker");
    boolean root = new UnixSystem().getUid() == 0;
    List<String> unshareArgs =
        root
            ? List.of(unshare, "-m", "--propagation", "private")
            : List.of(unshare, "-r", "-m", "--propagation", "private");
    Process probe =
        new ProcessBuilder(concat(unshareArgs, List.of("/bin/sh", "-c", "true")))
            .redirectErrorStream(true)
            .start();
    boolean namespaces = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
    assumeTrue(
        namespaces,
        root
            ? "unshare -m (a mount namespace) fails here: cannot run the image without Docker"
            : "needs unprivileged user namespaces (unshare -r), disabled on this machine, to run"
                + " the image without Docker: "
                + new String(probe.getInputStream().readAllBytes()));
    Process help = new ProcessBuilder(unshare, "--help").redirectErrorStream(true).start();
    String options = new String(help.getInputStream().readAllBytes());
    help.waitFor(10, TimeUnit.SECONDS);
    // util-linux 2.38+: unshare enters the root, the working directory and the user like a
    // container runtime; older: chroot (working directory /, and its --userspec)
    boolean modern = options.contains("--wd") && options.contains("--setuid");
    String[] user = config.at("/config/User").asText().split(":");
    String enter =
        modern
            ? unshare
                + " --root=\"$root\" --wd="
                + config.at("/config/WorkingDir").asText()
                + (root ? " --setgid " + user[1] + " --setuid " + user[0] : "")
            : chroot + (root ? " --userspec=" + user[0] + ":" + user[1] : "") + " \"$root\"";
    // as a pod runs it: root file system read-only, /proc and /dev from the host, /tmp a fresh
    // tmpfs (the Deployments' emptyDir); as the image's user where this process may switch to it
    String script =
        "root=$1; shift; "
            + (mount + " --bind \"$root\" \"$root\" && ")
            + (mount + " -o remount,bind,ro \"$root\"")
            + " || echo 'ImageIT: read-only root file system not possible here' >&2; "
            + (mount + " --rbind /proc \"$root/proc\" && ")
            + (mount + " --rbind /dev \"$root/dev\" && ")
            + (mount + " -t tmpfs -o mode=1777 tmpfs \"$root/tmp\" || exit 97; ")
            + "exec "
            + enter
            + " \"$@\"";
    return new Runner(
        concat(unshareArgs, List.of("/bin/sh", "-c", script, "sh", rootfs.toString())),
        root,
        modern);
  }

  private Process start(Runner runner, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(concat(runner.prefix(), command));
    builder.environment().clear();
    builder.environment().putAll(env);
    return processes.start(builder, log);
  }

  // --- the image and the manifests

  /** The image's environment, as a container runtime sets it. */
  private static Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode entry : config.at("/config/Env")) {
      String[] kv = entry.asText().split("=", 2);
      env.put(kv[0], kv[1]);
    }
    return env;
  }

  private static boolean imageUserInPasswd() throws IOException {
    Path passwd = rootfs.resolve("etc/passwd");
    String uid = config.at("/config/User").asText().split(":")[0];
    return Files.isRegularFile(passwd)
        && Files.readAllLines(passwd).stream().anyMatch(line -> line.split(":")[2].equals(uid));
  }

  /** The image config of a {@code docker save} tar with one image. */
  private static JsonNode dockerSaveConfig(Path tar) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(tar)))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isFile() && e.getName().endsWith(".json")) {
          files.put(e.getName(), in.readAllBytes());
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode manifests = json.readTree(files.get("manifest.json"));
    assertThat(manifests).as("%s: one image", tar).hasSize(1);
    return json.readTree(files.get(manifests.get(0).get("Config").asText()));
  }

  private static JsonNode deployment(String file) throws IOException {
    return new YAMLMapper().readTree(DEPLOY.resolve(file).toFile());
  }

  private static JsonNode container(JsonNode deployment) {
    return deployment.at("/spec/template/spec/containers/0");
  }

  /** The container's environment variables with a literal value (not from a ConfigMap/Secret). */
  private static Map<String, String> plainEnv(JsonNode container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode entry : container.get("env")) {
      if (entry.has("value")) {
        env.put(entry.get("name").asText(), entry.get("value").asText());
      }
    }
    return env;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    if (array != null) {
      array.forEach(v -> values.add(v.asText()));
    }
    return values;
  }

  // --- unpacking a docker-save tar

  /** Applies one layer (gzip or plain tar) to {@code root}; returns its diff id. */
  private static String extractLayer(Path layer, Path root, Map<String, Entry> entries, int index)
      throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    Map<Path, Integer> dirModes = new TreeMap<>(Comparator.reverseOrder());
    try (InputStream file = new BufferedInputStream(Files.newInputStream(layer));
        InputStream raw = gzipped(file) ? new GZIPInputStream(file, 65536) : file;
        DigestInputStream digest = new DigestInputStream(raw, sha256);
        TarArchiveInputStream tar = new TarArchiveInputStream(digest)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String name = imagePath(e.getName());
        if (name.equals("/")) {
          continue;
        }
        Path target = root.resolve(name.substring(1));
        String base = target.getFileName().toString();
        if (base.startsWith(".wh.")) {
          Path parent = target.getParent();
          if (base.equals(".wh..wh..opq")) {
            deleteContents(parent);
            entries.keySet().removeIf(p -> p.startsWith(imagePath(root.relativize(parent)) + "/"));
          } else {
            Path deleted = parent.resolve(base.substring(4));
            deleteRecursively(deleted);
            String path = imagePath(root.relativize(deleted));
            entries.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "/"));
          }
          continue;
        }
        Files.createDirectories(target.getParent());
        char type;
        if (e.isDirectory()) {
          type = 'd';
          Files.createDirectories(target);
          dirModes.put(target, e.getMode());
        } else {
          deleteRecursively(target);
          if (e.isSymbolicLink()) {
            type = 'l';
            Files.createSymbolicLink(target, Path.of(e.getLinkName()));
          } else if (e.isLink()) {
            type = 'h';
            Files.createLink(target, root.resolve(imagePath(e.getLinkName()).substring(1)));
          } else {
            type = 'f';
            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(target, permissions(e.getMode()));
          }
        }
        entries.put(
            name, new Entry(type, e.getMode(), e.getLongUserId(), e.getLongGroupId(), index));
      }
      digest.transferTo(OutputStream.nullOutputStream()); // the tar's end blocks count too
    }
    for (Map.Entry<Path, Integer> dir : dirModes.entrySet()) {
      Files.setPosixFilePermissions(dir.getKey(), permissions(dir.getValue()));
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  private static boolean gzipped(InputStream in) throws IOException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    return b1 == 0x1f && b2 == 0x8b;
  }

  /** {@code /a/b} for {@code ./a/b/}, {@code a/b} ...; refuses to leave the root. */
  private static String imagePath(Object tarName) {
    String normalized = Path.of("/").resolve(tarName.toString()).normalize().toString();
    if (tarName.toString().contains("..")) {
      fail("layer entry outside the root: " + tarName);
    }
    return normalized;
  }

  private static String safeName(String name) {
    assertThat(name).doesNotContain("..").doesNotStartWith("/");
    return name;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions = java.util.EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        permissions.add(order[bit]);
      }
    }
    return permissions;
  }

  private static void deleteContents(Path dir) throws IOException {
    if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> children = Files.list(dir)) {
        for (Path child : children.toList()) {
          deleteRecursively(child);
        }
      }
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      deleteContents(path);
    }
    Files.delete(path);
  }

  // --- small things

  private static String executable(String name) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath().toString();
      }
    }
    return null;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
