package dev.opsjournal.core.application;

/**
 * Where an Application takes its desired state from and where it puts it.
 *
 * @param targetRevision a branch, tag, sha, or {@code HEAD}/empty for the default branch
 */
public record ApplicationSource(
    String repoUrl,
    String path,
    String targetRevision,
    String chart,
    String destinationServer,
    String destinationName,
    String destinationNamespace,
    String project) {}
