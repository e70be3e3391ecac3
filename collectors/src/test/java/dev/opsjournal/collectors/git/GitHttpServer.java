package dev.opsjournal.collectors.git;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol for fetching, in-process on 127.0.0.1: {@code GET
 * /<name>.git/info/refs?service=git-upload-pack} advertises the refs and {@code POST
 * /<name>.git/git-upload-pack} sends the pack, both by JGit's {@link UploadPack}. It speaks
 * protocol v2 when the client asks for it (as JGit does) unless told to stay on v0. It can be
 * stopped and started again on the same port (a Git server outage), or answer 401 to everything
 * (credentials refused).
 */
final class GitHttpServer implements AutoCloseable {

  private static final String SERVICE = "git-upload-pack";

  private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean refuseAuthentication;
  private volatile boolean protocolV2 = true;
  private HttpServer server;
  private ExecutorService executor;
  private int port;

  GitHttpServer serve(String name, Repository repository) {
    repositories.put(name, repository);
    return this;
  }

  /** Starts on a free port, or on the port it had before a {@link #stop()}. */
  synchronized GitHttpServer start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    port = server.getAddress().getPort();
    return this;
  }

  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      server = null;
    }
  }

  String url(String name) {
    return "http://127.0.0.1:" + port + "/" + name + ".git";
  }

  /** Answer every request with 401, as a server refusing the credentials does. */
  void refuseAuthentication(boolean refuse) {
    this.refuseAuthentication = refuse;
  }

  /** Speak only protocol v0, which advertises every ref (HEAD included) with each fetch. */
  void protocolV0Only() {
    this.protocolV2 = false;
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    stop();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    try (exchange) {
      if (refuseAuthentication) {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String path = exchange.getRequestURI().getPath();
      int end = path.indexOf(".git/");
      Repository repository = end < 0 ? null : repositories.get(path.substring(1, end));
      if (repository == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      String action = path.substring(end + ".git/".length());
      String query = exchange.getRequestURI().getQuery();
      if (exchange.getRequestMethod().equals("GET")
          && action.equals("info/refs")
          && ("service=" + SERVICE).equals(query)) {
        advertise(exchange, repository);
      } else if (exchange.getRequestMethod().equals("POST") && action.equals(SERVICE)) {
        upload(exchange, repository);
      } else {
        exchange.sendResponseHeaders(403, -1);
      }
    }
  }

  private void advertise(HttpExchange exchange, Repository repository) throws IOException {
    exchange
        .getResponseHeaders()
        .add("Content-Type", "application/x-" + SERVICE + "-advertisement");
    exchange.getResponseHeaders().add("Cache-Control", "no-cache");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      UploadPack pack = uploadPack(exchange, repository);
      try {
        pack.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(new PacketLineOut(out)), SERVICE);
      } finally {
        pack.getRevWalk().close();
      }
    }
  }

  private void upload(HttpExchange exchange, Repository repository) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/x-" + SERVICE + "-result");
    exchange.sendResponseHeaders(200, 0);
    InputStream in = exchange.getRequestBody();
    if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in;
        OutputStream out = exchange.getResponseBody()) {
      uploadPack(exchange, repository).upload(body, out, null);
    }
  }

  private UploadPack uploadPack(HttpExchange exchange, Repository repository) {
    UploadPack pack = new UploadPack(repository);
    pack.setBiDirectionalPipe(false); // HTTP: one request, one response
    String protocol = exchange.getRequestHeaders().getFirst("Git-Protocol");
    if (protocolV2 && protocol != null) {
      pack.setExtraParameters(Arrays.asList(protocol.split(":")));
    }
    return pack;
  }
}
