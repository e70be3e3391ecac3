package dev.opsjournal.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsjournal.ingest.*}.
 *
 * @param partitions partitions of the topics the server creates when they do not exist: the most
 *     servers that can share the ingest
 * @param maxObservationBytes a larger observation is refused to the dead-letter topic
 */
@ConfigurationProperties("opsjournal.ingest")
public record IngestProperties(
    @DefaultValue("6") int partitions, @DefaultValue("1048576") int maxObservationBytes) {}
