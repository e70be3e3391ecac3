/**
 * The Git collector: polls configured repositories into bare clones with JGit and publishes each
 * new commit (changed paths and the Kustomize reference graph of its tree), force pushes and fetch
 * outages as observations, with a checkpoint per repository and branch so nothing is published
 * twice.
 */
package dev.opsjournal.collectors.git;
