/**
 * The standalone mode ({@code opsjournal.standalone.enabled=true}, off by default): everything in
 * one process. An in-process single-node KRaft Kafka broker and an embedded PostgreSQL, both with
 * their data under {@code opsjournal.standalone.data-dir}, started before the Spring context needs
 * them and stopped after it closed; and the replay of a recorded watch capture plus a Git
 * repository, with the bundled Week 02 example.
 */
package dev.opsjournal.server.standalone;
