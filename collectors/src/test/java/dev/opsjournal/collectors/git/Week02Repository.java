package dev.opsjournal.collectors.git;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code platform} repository of Week 02 ({@code shared/scenarios/week-02.md}), built with JGit
 * as a bare repository in a directory: c1 (alice, Monday 09:00) adds the ops-journal base and its
 * dev, staging and prod overlays; c2 (bob, Monday 10:00) adds the dev Argo CD Application; c3
 * (alice, Wednesday 09:00) adds the staging one. Branch {@code main}, also the default branch.
 *
 * <p>Public for the end-to-end test of {@code query-api} (through the collectors' test-jar): create
 * it up to c2, let the collector publish, add c3 later with {@link #commitUpTo(int)}.
 */
public final class Week02Repository implements AutoCloseable {

  public static final String BRANCH = "main";

  /** The repository URL the Application manifests name (that of the journal core's Week 02). */
  public static final String DEFAULT_APPLICATION_REPO_URL = "https://git.example.com/platform.git";

  public static final String C1_MESSAGE = "Add ops-journal base and dev, staging, prod overlays";
  public static final String C2_MESSAGE = "Deploy ops-journal to dev with Argo CD";
  public static final String C3_MESSAGE = "Deploy ops-journal to staging with Argo CD";

  public static final Instant C1_AT = Instant.parse("2026-11-16T09:00:00Z");
  public static final Instant C2_AT = Instant.parse("2026-11-16T10:00:00Z");
  public static final Instant C3_AT = Instant.parse("2026-11-18T09:00:00Z");

  public static final String BASE = "apps/ops-journal/base";
  public static final String DEV_OVERLAY = "apps/ops-journal/overlays/dev";
  public static final String STAGING_OVERLAY = "apps/ops-journal/overlays/staging";
  public static final String PROD_OVERLAY = "apps/ops-journal/overlays/prod";

  private final GitFixture git;
  private final String applicationRepoUrl;
  private final List<String> shas = new ArrayList<>();

  private Week02Repository(GitFixture git, String applicationRepoUrl) {
    this.git = git;
    this.applicationRepoUrl = applicationRepoUrl;
  }

  /** The repository in {@code directory} (created, must not exist yet) with commits c1..c{upTo}. */
  public static Week02Repository create(Path directory, int upTo) {
    return create(directory, upTo, DEFAULT_APPLICATION_REPO_URL);
  }

  /**
   * As {@link #create(Path, int)}, with the Applications' {@code repoURL} set to {@code
   * applicationRepoUrl} (e.g. the {@code file://} URL the collector watches).
   */
  public static Week02Repository create(Path directory, int upTo, String applicationRepoUrl) {
    Week02Repository week = new Week02Repository(GitFixture.create(directory), applicationRepoUrl);
    week.commitUpTo(upTo);
    return week;
  }

  /** Adds the commits after the last one made, up to c{upTo} (0..3); returns the new shas. */
  public List<String> commitUpTo(int upTo) {
    if (upTo < 0 || upTo > 3) {
      throw new IllegalArgumentException("Week 02 has commits c1, c2 and c3, not c" + upTo);
    }
    List<String> made = new ArrayList<>();
    while (shas.size() < upTo) {
      String sha =
          switch (shas.size()) {
            case 0 -> c1();
            case 1 -> c2();
            default -> c3();
          };
      shas.add(sha);
      made.add(sha);
    }
    return made;
  }

  /** The sha of c{n}, n in 1..3, once made. */
  public String sha(int n) {
    return shas.get(n - 1);
  }

  /** The shas made so far, c1 first. */
  public List<String> shas() {
    return List.copyOf(shas);
  }

  /** The {@code file://} URL to watch. */
  public String url() {
    return git.url();
  }

  public Path directory() {
    return git.directory();
  }

  @Override
  public void close() {
    git.close();
  }

  private String c1() {
    return git.commit(BRANCH)
        .by("alice", C1_AT)
        .message(C1_MESSAGE)
        .put(
            BASE + "/kustomization.yaml",
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            resources:
              - deployment.yaml
              - service.yaml
            """)
        .put(
            BASE + "/deployment.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ops-journal
            spec:
              replicas: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: ops-journal
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: ops-journal
                spec:
                  containers:
                    - name: ops-journal
                      image: registry.example.com/ops-journal:0.1.0
                      ports:
                        - containerPort: 8080
            """)
        .put(
            BASE + "/service.yaml",
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: ops-journal
            spec:
              selector:
                app.kubernetes.io/name: ops-journal
              ports:
                - port: 80
                  targetPort: 8080
            """)
        .put(
            DEV_OVERLAY + "/kustomization.yaml",
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: ops-journal
            resources:
              - ../../base
            replicas:
              - name: ops-journal
                count: 1
            """)
        .put(
            STAGING_OVERLAY + "/kustomization.yaml",
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: ops-journal
            resources:
              - ../../base
            patches:
              - target:
                  kind: Deployment
                  name: ops-journal
                patch: |-
                  - op: replace
                    path: /spec/replicas
                    value: 2
            """)
        .put(
            PROD_OVERLAY + "/kustomization.yaml",
            """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: ops-journal
            resources:
              - ../../base
            """)
        .create();
  }

  private String c2() {
    return git.commit(BRANCH)
        .by("bob", C2_AT)
        .message(C2_MESSAGE)
        .put("platform/gitops/ops-journal-dev-app.yaml", application("dev"))
        .create();
  }

  private String c3() {
    return git.commit(BRANCH)
        .by("alice", C3_AT)
        .message(C3_MESSAGE)
        .put("platform/gitops/ops-journal-staging-app.yaml", application("staging"))
        .create();
  }

  private String application(String environment) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata:
          name: ops-journal-%1$s
          namespace: argocd
        spec:
          project: default
          source:
            repoURL: %2$s
            targetRevision: HEAD
            path: apps/ops-journal/overlays/%1$s
          destination:
            server: https://kubernetes.default.svc
            namespace: ops-journal
          syncPolicy:
            automated:
              prune: true
              selfHeal: true
        """
        .formatted(environment, applicationRepoUrl);
  }
}
