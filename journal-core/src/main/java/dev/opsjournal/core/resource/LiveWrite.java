package dev.opsjournal.core.resource;

import java.time.Instant;
import java.util.List;

/** One write to the object by a field manager, remembered to name the cause of a later verdict. */
record LiveWrite(String manager, List<String> fields, Instant at) {}
