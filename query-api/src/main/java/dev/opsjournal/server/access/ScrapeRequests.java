package dev.opsjournal.server.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A Prometheus scrape: {@code /actuator/prometheus} asked on the management port, when that is a
 * port of its own. The API's security filter guards both ports; there the scraper needs no token
 * (the port is opened to it alone by a NetworkPolicy), while on the API port, or with no port of
 * its own, the metrics stay behind the token like the rest.
 */
public final class ScrapeRequests implements RequestMatcher {

  static final String PATH = "/actuator/prometheus";

  private final Environment environment;

  public ScrapeRequests(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    return PATH.equals(request.getRequestURI()) && onManagementPort(request.getLocalPort());
  }

  /** The port the management server listens on, once started; set only when it is its own. */
  private boolean onManagementPort(int port) {
    Integer management = environment.getProperty("local.management.port", Integer.class);
    Integer api = environment.getProperty("local.server.port", Integer.class);
    return management != null && management == port && !management.equals(api);
  }
}
