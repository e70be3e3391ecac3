package dev.opsjournal.server.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opsjournal.ingest.*}.
 *
 * @param partitions partitions of the topics the server creates when they do not exist: the most
 *     servers that can share the ingest
 * @param maxObservationBytes a larger observation is refused to the dead-letter topic
 * @param consumers consumer threads of this server (each takes its share of the partitions; more
 *     than the partitions is useless)
 * @param batchSize the most observations journaled in one unit of work (the consumer's {@code
 *     max.poll.records}): a larger batch saves commits, but Axon looks up the events staged in the
 *     unit of work for every aggregate it loads, a cost that grows with the square of the batch
 * @param rememberedSubjects objects and Applications whose last observation is remembered, to drop
 *     exact re-observations before they cost a transaction (about 250 bytes each)
 */
@ConfigurationProperties("opsjournal.ingest")
public record IngestProperties(
    @DefaultValue("6") int partitions,
    @DefaultValue("1048576") int maxObservationBytes,
    @DefaultValue("2") int consumers,
    @DefaultValue("100") int batchSize,
    @DefaultValue("250000") long rememberedSubjects) {}
