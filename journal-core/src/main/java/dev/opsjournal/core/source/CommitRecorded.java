package dev.opsjournal.core.source;

import dev.opsjournal.core.observation.CommitObserved.ChangedPath;
import dev.opsjournal.core.observation.CommitObserved.Person;
import java.time.Instant;
import java.util.List;

/**
 * A commit landed on the branch.
 *
 * @param affectedApplications the Applications ({@code namespace/name}) registered when the commit
 *     was observed whose source path the commit reaches, directly or through Kustomize references
 */
public record CommitRecorded(
    String source,
    String repoUrl,
    String branch,
    String sha,
    List<String> parents,
    Person author,
    Person committer,
    String message,
    List<ChangedPath> changedPaths,
    List<String> affectedApplications,
    Instant at)
    implements SourceEvent {}
