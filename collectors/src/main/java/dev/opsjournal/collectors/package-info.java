/**
 * The collectors: how ops-journal observes. {@code kubernetes} watches the cluster, {@code git}
 * watches repositories, {@code publish} puts what they see on {@code opsjournal.observations}.
 */
package dev.opsjournal.collectors;
