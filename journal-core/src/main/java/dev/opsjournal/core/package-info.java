/**
 * The meaning of the journal: the identity of resources, the public topics, and (in the feature
 * packages) the observations collectors publish, the journal events and the aggregates that decide
 * them. Nothing here knows Kubernetes clients, Git, Kafka clients or Spring.
 */
package dev.opsjournal.core;
