package org.diwan.testplugin.notes;

import java.time.Instant;

/** A note: a text of up to 500 characters. */
public record Note(int id, String text, int version, String updatedBy, Instant updatedAt) {
}
