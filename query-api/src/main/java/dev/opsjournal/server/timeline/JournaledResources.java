package dev.opsjournal.server.timeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whether the journal holds anything about a resource: what tells a 404 from an empty answer. */
@Component
public class JournaledResources {

  private final JdbcTemplate jdbc;

  JournaledResources(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public boolean contains(String resourceKey) {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from timeline_entry where resource_key = ?)",
            Boolean.class,
            resourceKey));
  }
}
