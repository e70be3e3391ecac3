package dev.opsjournal.core.resource;

import dev.opsjournal.core.JournalPolicy.TrackingMethod;

/**
 * An Application's claim on an object through Argo CD's resource tracking.
 *
 * @param application {@code namespace/name} of the Application
 * @param tracking which tracking marked it
 */
public record Claim(String application, TrackingMethod tracking) {}
