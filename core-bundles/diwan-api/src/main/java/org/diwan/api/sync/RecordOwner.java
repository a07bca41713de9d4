package org.diwan.api.sync;

import java.util.Objects;

import org.diwan.api.node.NodeRole;

/**
 * Who owns a record as a node stores it: headquarters, or one mission. Only the owner's changes count: headquarters
 * applies what a mission sends only to records that mission owns, or to ids it does not hold yet.
 *
 * @param role        the owning side
 * @param missionCode the owning mission's code; {@code null} when headquarters owns the record
 */
public record RecordOwner(NodeRole role, String missionCode) {

    private static final RecordOwner HEADQUARTERS = new RecordOwner(NodeRole.HQ, null);

    public RecordOwner {
        Objects.requireNonNull(role, "role");
        if (role == NodeRole.HQ && missionCode != null) {
            throw new IllegalArgumentException("a record headquarters owns names no mission: " + missionCode);
        }
        if (role == NodeRole.MISSION && (missionCode == null || missionCode.isBlank())) {
            throw new IllegalArgumentException("a record a mission owns names its mission");
        }
    }

    /** A record made on headquarters, even one that concerns a mission (a letter received at headquarters for it). */
    public static RecordOwner headquarters() {
        return HEADQUARTERS;
    }

    /** A record made on that mission's node. */
    public static RecordOwner mission(String missionCode) {
        return new RecordOwner(NodeRole.MISSION, missionCode);
    }

    /** Whether the record is the mission's with this code. */
    public boolean isMission(String code) {
        return role == NodeRole.MISSION && missionCode.equals(code);
    }

    @Override
    public String toString() {
        return role == NodeRole.HQ ? "headquarters" : "mission " + missionCode;
    }
}
