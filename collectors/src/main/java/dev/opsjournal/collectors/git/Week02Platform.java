package dev.opsjournal.collectors.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * The {@code platform} repository of the bundled Week 02 example, built with JGit as a bare
 * repository: c1 (alice, Monday 09:00) adds the ops-journal base and its dev, staging and prod
 * overlays; c2 (bob, Monday 10:00) the dev Argo CD Application; c3 (alice, Wednesday 09:00) the
 * staging one. Built from fixed content and times, so its shas are always the same ones the
 * standalone mode's bundled capture names; the collectors' test fixture {@code Week02Repository}
 * commits the same content one commit at a time.
 */
public final class Week02Platform {

  public static final String BRANCH = "main";
  public static final String URL = "https://git.example.com/platform.git";

  private Week02Platform() {}

  /** One commit of the week: who, when, what message, and the files it adds. */
  public record Commit(String author, Instant at, String message, Map<String, String> files) {}

  /** Builds the repository in {@code directory} unless it is there; returns the shas c1..c3. */
  public static List<String> create(Path directory) {
    try {
      if (Files.exists(directory.resolve("HEAD"))) {
        try (Git git = Git.open(directory.toFile())) {
          return shas(git.getRepository());
        }
      }
      Files.createDirectories(directory.getParent());
      try (Git git =
          Git.init()
              .setBare(true)
              .setInitialBranch(BRANCH)
              .setDirectory(directory.toFile())
              .call()) {
        Repository repository = git.getRepository();
        Map<String, String> tree = new TreeMap<>();
        ObjectId parent = null;
        for (Commit commit : commits(URL)) {
          tree.putAll(commit.files());
          parent = commit(repository, tree, parent, commit);
        }
        return shas(repository);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the Week 02 repository in " + directory, e);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot build the Week 02 repository in " + directory, e);
    }
  }

  private static List<String> shas(Repository repository) throws IOException {
    List<String> shas = new ArrayList<>();
    try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repository)) {
      walk.sort(org.eclipse.jgit.revwalk.RevSort.REVERSE);
      walk.markStart(walk.parseCommit(repository.resolve(Constants.R_HEADS + BRANCH)));
      walk.forEach(c -> shas.add(c.name()));
    }
    return shas;
  }

  private static ObjectId commit(
      Repository repository, Map<String, String> files, ObjectId parent, Commit commit)
      throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, String> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(
            inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
        builder.add(entry);
      }
      builder.finish();
      ObjectId tree = index.writeTree(inserter);
      PersonIdent person =
          new PersonIdent(
              commit.author(), commit.author() + "@example.com", commit.at(), ZoneOffset.UTC);
      CommitBuilder made = new CommitBuilder();
      made.setTreeId(tree);
      if (parent != null) {
        made.setParentId(parent);
      }
      made.setAuthor(person);
      made.setCommitter(person);
      made.setMessage(commit.message());
      ObjectId id = inserter.insert(made);
      inserter.flush();
      RefUpdate update = repository.updateRef(Constants.R_HEADS + BRANCH);
      update.setNewObjectId(id);
      update.setForceUpdate(true);
      RefUpdate.Result result = update.update();
      if (result == RefUpdate.Result.REJECTED || result == RefUpdate.Result.IO_FAILURE) {
        throw new IOException("cannot move " + BRANCH + ": " + result);
      }
      return id;
    }
  }

  /** c1, c2, c3, with the Applications' {@code repoURL} set to {@code applicationRepoUrl}. */
  public static List<Commit> commits(String applicationRepoUrl) {
    String base = "apps/ops-journal/base";
    String overlays = "apps/ops-journal/overlays/";
    Map<String, String> c1 = new LinkedHashMap<>();
    c1.put(
        base + "/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - deployment.yaml
          - service.yaml
        """);
    c1.put(
        base + "/deployment.yaml",
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
        """);
    c1.put(
        base + "/service.yaml",
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
        """);
    c1.put(
        overlays + "dev/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: ops-journal
        resources:
          - ../../base
        replicas:
          - name: ops-journal
            count: 1
        """);
    c1.put(
        overlays + "staging/kustomization.yaml",
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
        """);
    c1.put(
        overlays + "prod/kustomization.yaml",
        """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: ops-journal
        resources:
          - ../../base
        """);
    return List.of(
        new Commit(
            "alice",
            Instant.parse("2026-11-16T09:00:00Z"),
            "Add ops-journal base and dev, staging, prod overlays",
            c1),
        new Commit(
            "bob",
            Instant.parse("2026-11-16T10:00:00Z"),
            "Deploy ops-journal to dev with Argo CD",
            Map.of(
                "platform/gitops/ops-journal-dev-app.yaml",
                application("dev", applicationRepoUrl))),
        new Commit(
            "alice",
            Instant.parse("2026-11-18T09:00:00Z"),
            "Deploy ops-journal to staging with Argo CD",
            Map.of(
                "platform/gitops/ops-journal-staging-app.yaml",
                application("staging", applicationRepoUrl))));
  }

  private static String application(String environment, String repoUrl) {
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
        .formatted(environment, repoUrl);
  }
}
