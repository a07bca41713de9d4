package org.diwan.api.web.record;

import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A department's record that carries what the record flow asks of every record: its id, the version an edit starts
 * from, and who saved that version when (for the conflict banner). A Java record with these components implements it
 * as it stands; an editor of such records then need not write {@link RecordEditor#id} and {@link RecordEditor#version}.
 */
@ConsumerType
public interface VersionedRecord {

    String id();

    int version();

    /** The login name of whoever saved this version. */
    String updatedBy();

    Instant updatedAt();
}
