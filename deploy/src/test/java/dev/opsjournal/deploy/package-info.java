/**
 * Offline tests of {@code deploy/}: every overlay is rendered once per run with {@code kubectl
 * kustomize} and read strictly into fabric8's typed model ({@link Overlays}), and each test class
 * asserts one part of the deployment's rules, so that the environments' Argo CD Applications never
 * fight over an object, as they did in Week 02.
 */
package dev.opsjournal.deploy;
