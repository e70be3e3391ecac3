package dev.opsjournal.server.ingest;

import dev.opsjournal.core.observation.Observation;

/** An observation as read off the wire, with the digest of what it says (see {@link Repeats}). */
record Received(Observation observation, ContentDigest content) {}
