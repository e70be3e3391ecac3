package dev.opsjournal.core.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Argo CD's ComparisonError messages when the repo-server cannot read Git, as {@code
 * controller/state.go} and {@code util/git/client.go} build them (docs/argo-cd-behaviour.md §5.1).
 */
class GitFailureTest {

  private static final String PREFIX =
      "Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code"
          + " = Unknown desc = ";

  @Test
  void connectionRefused() {
    assertThat(
            GitFailure.of(
                PREFIX
                    + "failed to list refs: Get \"https://git.example.com/platform.git/info/refs"
                    + "?service=git-upload-pack\": dial tcp 10.0.0.5:443: connect: connection"
                    + " refused"))
        .contains(GitFailure.CONNECTION_REFUSED);
  }

  @Test
  void timeouts() {
    assertThat(
            GitFailure.of(
                PREFIX
                    + "failed to list refs: Get \"https://git.example.com/platform.git/info/refs"
                    + "?service=git-upload-pack\": dial tcp 10.0.0.5:443: i/o timeout"))
        .contains(GitFailure.TIMEOUT);
    assertThat(GitFailure.of(PREFIX + "failed to list refs: context deadline exceeded"))
        .contains(GitFailure.TIMEOUT);
  }

  @Test
  void dns() {
    assertThat(
            GitFailure.of(
                PREFIX
                    + "failed to list refs: Get \"https://git.example.com/platform.git/info/refs"
                    + "?service=git-upload-pack\": dial tcp: lookup git.example.com on"
                    + " 10.96.0.10:53: no such host"))
        .contains(GitFailure.DNS);
  }

  @Test
  void authentication_olderAndNewerWording() {
    assertThat(GitFailure.of(PREFIX + "authentication required"))
        .contains(GitFailure.AUTHENTICATION);
    assertThat(
            GitFailure.of(
                PREFIX + "failed to list refs: authentication required: Repository not found."))
        .contains(GitFailure.AUTHENTICATION);
  }

  @Test
  void repositoryNotFound() {
    assertThat(GitFailure.of(PREFIX + "failed to list refs: repository not found"))
        .contains(GitFailure.REPOSITORY_NOT_FOUND);
  }

  @Test
  void revisionNotFound() {
    assertThat(GitFailure.of(PREFIX + "unable to resolve 'release-9' to a commit SHA"))
        .contains(GitFailure.REVISION_NOT_FOUND);
  }

  @Test
  void otherGitErrors_connectionResetAndCachedFailures() {
    assertThat(
            GitFailure.of(
                PREFIX
                    + "failed to list refs: read tcp 10.0.1.7:51234->10.0.0.5:443: read:"
                    + " connection reset by peer"))
        .contains(GitFailure.OTHER);
    assertThat(
            GitFailure.of(
                PREFIX
                    + "Manifest generation error (cached): failed to list refs: dial tcp"
                    + " 10.0.0.5:443: connect: connection refused"))
        .contains(GitFailure.CONNECTION_REFUSED);
  }

  @Test
  void manifestGenerationErrorsAreNotGit() {
    assertThat(
            GitFailure.of(
                PREFIX
                    + "Manifest generation error (cached): `kustomize build"
                    + " <path>/apps/ops-journal/overlays/dev` failed exit status 1: Error:"
                    + " accumulating resources: open deployment.yaml: no such file or directory"))
        .isEmpty();
    assertThat(
            GitFailure.of(
                "Failed to load target state: failed to generate manifest for source 1 of 1: rpc"
                    + " error: code = Unavailable desc = connection error: desc = \"transport:"
                    + " Error while dialing: dial tcp 10.96.12.4:8081: connect: connection"
                    + " refused\""))
        .as("the repo-server itself unreachable is not Git")
        .isEmpty();
  }
}
