package org.diwan.testplugin.notes;

import java.time.Instant;

/**
 * A note: a text of up to 500 characters, and where its workflow stands (the state's label key; empty before the
 * workflow started).
 */
public record Note(int id, String text, int version, String updatedBy, Instant updatedAt, String state) {

    Note withState(String state) {
        return new Note(id, text, version, updatedBy, updatedAt, state);
    }
}
