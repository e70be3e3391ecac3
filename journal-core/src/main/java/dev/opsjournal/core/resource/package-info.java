/**
 * One tracked Kubernetes object and its story: appearance, changes, deletion, who owns it by Argo
 * CD's tracking, which Applications declare it, drift and its correction, and conflicts between
 * Applications over it. The {@code TrackedResource} aggregate decides; the events are public.
 */
package dev.opsjournal.core.resource;
