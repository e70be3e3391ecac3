/**
 * The Axon runtime of the journal: the aggregates of journal-core registered with the JDBC event
 * store, the rules' settings, and the policy that hands Applications' verdicts to the resources
 * they declare.
 */
package dev.opsjournal.server.journal;
