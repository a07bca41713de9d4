package org.diwan.sync.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.diwan.api.sync.RecordOwner;
import org.diwan.api.sync.SyncChange;
import org.diwan.api.sync.SyncedType;

/**
 * Headquarters' ownership rule, enforced here once for every synced type: a mission's change reaches its plugin
 * only when the record it names is that mission's, or not held yet. A change to a record another mission or
 * headquarters owns (an edit, a deletion, or a creation under an id already taken) is refused whatever its
 * payload claims, because the owner is read from what is stored ({@link SyncedType#owners}), never from the
 * change: a mission's login proves who sent a change, not whose record it is.
 */
final class OwnershipRule {

    /** A change refused, with the real owner of the record it names. */
    record Refusal(SyncChange change, RecordOwner owner) {

        /** For the administrator: what was refused and whose the record is. */
        String reason() {
            return change.type() + " " + change.recordId() + " belongs to " + owner + ": mission " + change.missionCode()
                    + " may not " + (change.deleted() ? "delete" : "change") + " it";
        }
    }

    /** One run of changes split into those the plugin may apply, in their order, and those refused. */
    record Sorted(List<SyncChange> allowed, List<Refusal> refused) {
    }

    private OwnershipRule() {
    }

    /**
     * @param run consecutive changes of {@code type}, each naming the mission that sent it (the receiver checked
     *            that against the sender's login)
     * @throws Exception as {@link SyncedType#owners} does: the owners could not be read
     */
    static Sorted sort(SyncedType type, List<SyncChange> run) throws Exception {
        Map<String, RecordOwner> stored = type.owners(run.stream().map(SyncChange::recordId).distinct().toList());
        if (stored == null) {
            throw new IllegalStateException(type.name() + " did not say who owns its records");
        }
        // a record created earlier in this run is its creator's for the rest of the run: another mission's change
        // to the same new id, in the same batch, must not pass as a second creation
        Map<String, RecordOwner> owners = new HashMap<>(stored);
        List<SyncChange> allowed = new ArrayList<>(run.size());
        List<Refusal> refused = new ArrayList<>();
        for (SyncChange change : run) {
            RecordOwner owner = owners.get(change.recordId());
            if (owner == null) {
                owners.put(change.recordId(), RecordOwner.mission(change.missionCode()));
                allowed.add(change);
            } else if (owner.isMission(change.missionCode())) {
                allowed.add(change);
            } else {
                refused.add(new Refusal(change, owner));
            }
        }
        return new Sorted(allowed, refused);
    }
}
