/** Who owned an object when: tracking intervals, declarations, and the answer at an instant. */
package dev.opsjournal.server.ownership;
