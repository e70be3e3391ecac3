/**
 * The standalone mode ({@code opsjournal.standalone.enabled=true}, off by default): everything in
 * one process. An in-process single-node KRaft Kafka broker and an embedded PostgreSQL, both with
 * their data under {@code opsjournal.standalone.data-dir}, started before the Spring context needs
 * them and stopped after it closed; and which capture and Git repository to replay (the bundled
 * Week 02 example or the configured ones), replayed once by {@code collectors.replay} while the
 * server tells it when the journal has taken in what was published ({@code JournalSettle}).
 */
package dev.opsjournal.server.standalone;
