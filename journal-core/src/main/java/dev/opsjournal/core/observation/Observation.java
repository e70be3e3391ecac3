package dev.opsjournal.core.observation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A fact a collector saw, at the time it saw it. The journal's clock is {@link #observedAt()}:
 * every rule and deadline is evaluated against it, never against the server's wall clock.
 *
 * <p>On the wire each observation is a JSON object with a {@code type} (the names below) and a
 * {@code schemaVersion}; the Kafka key is {@link #subject()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResourceObserved.class, name = "resource"),
  @JsonSubTypes.Type(value = ApplicationObserved.class, name = "application"),
  @JsonSubTypes.Type(value = KubernetesEventObserved.class, name = "kubernetes-event"),
  @JsonSubTypes.Type(value = CommitObserved.class, name = "commit"),
  @JsonSubTypes.Type(value = HistoryRewriteObserved.class, name = "history-rewrite"),
  @JsonSubTypes.Type(value = SourceUnavailableObserved.class, name = "source-unavailable"),
  @JsonSubTypes.Type(value = SourceRecoveredObserved.class, name = "source-recovered"),
  @JsonSubTypes.Type(value = HeartbeatObserved.class, name = "heartbeat")
})
@JsonIgnoreProperties(value = "schemaVersion", allowGetters = true)
public sealed interface Observation
    permits ResourceObserved,
        ApplicationObserved,
        KubernetesEventObserved,
        CommitObserved,
        HistoryRewriteObserved,
        SourceUnavailableObserved,
        SourceRecoveredObserved,
        HeartbeatObserved {

  /** The wire schema this code writes and the newest it reads. */
  int SCHEMA_VERSION = 1;

  Instant observedAt();

  /**
   * The Kafka key: the {@code ResourceKey} string for resources and Applications, {@code
   * <repoUrl>#<branch>} for Git sources, the cluster name for heartbeats. One subject, one
   * partition: per-subject order is kept end to end.
   */
  @JsonIgnore
  String subject();

  @JsonProperty("schemaVersion")
  default int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** The Kafka key of a Git source. */
  static String gitSubject(String repoUrl, String branch) {
    return repoUrl + "#" + branch;
  }
}
