package org.diwan.api.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.diwan.api.node.NodeRole;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A record type that syncs, registered as a service by the plugin that stores it. Records flow from the
 * owning side to the other: a {@link NodeRole#MISSION} type from each mission node to headquarters, a
 * {@link NodeRole#HQ} type from headquarters to the missions. The receiving side shows them read-only, so two
 * sides never edit the same record and conflicts do not arise; should one arrive anyway, the higher version
 * wins.
 */
@ConsumerType
public interface SyncedType {

    /** {@code <plugin id>.<record name>}, as in {@link SyncChange#type()}. */
    String name();

    /** The side whose edits count. */
    NodeRole owner();

    /**
     * Stores a change that came from the owning side, in the plugin's own transaction. It must be idempotent:
     * a version at or below the stored one returns {@link Applied#STALE} and changes nothing. On headquarters
     * the change's {@link SyncChange#missionCode()} is the mission that sent it, as its broker login proves:
     * a payload that claims to belong to another mission must be refused. The core has already checked, with
     * {@link #owners}, that the record is that mission's or new here.
     *
     * @throws IllegalArgumentException when the payload is not a valid record of this type: the change is
     *                                  set aside for an administrator and the others go on
     * @throws Exception                when storing failed (database down): the change is offered again later
     */
    Applied apply(SyncChange change) throws Exception;

    /**
     * Applies consecutive changes of this type, in order, with the same contract as {@link #apply} for each; the
     * result lists what became of each. The default applies them one by one. A plugin overrides it to store them
     * in one transaction: a receiver catching up after an outage hands over a hundred at a time, and one commit
     * instead of a hundred is what makes catching up fast. When it throws a {@link RuntimeException} (a payload
     * refused), nothing of the batch may have been stored: the core then applies the changes one by one to set
     * the refused one aside.
     */
    default List<Applied> applyAll(List<SyncChange> changes) throws Exception {
        List<Applied> results = new ArrayList<>(changes.size());
        for (SyncChange change : changes) {
            results.add(apply(change));
        }
        return results;
    }

    /**
     * Who owns each of these records as this node stores them now, by id; an id this node does not hold is left
     * out. Headquarters asks before it hands a mission's changes to {@link #apply}: a change goes to the plugin
     * only when the record is the sending mission's or not held yet, so that no mission creates, edits or deletes
     * what another mission or headquarters owns, whatever its payload claims. Refused changes are set aside for
     * the administrator and never reach the plugin.
     *
     * <p>The answer is the stored record's, not the payload's: a record received from a mission is that mission's
     * ({@link RecordOwner#mission}); one made on headquarters is headquarters' ({@link RecordOwner#headquarters()}),
     * even when it concerns a mission. A type headquarters owns answers {@code headquarters()} for every record it
     * holds. Asked on headquarters only, with up to a few hundred ids at once: answer with one query, as the
     * version check of {@link #applyAll} does, or catching up slows down.
     *
     * @throws Exception when the owners could not be read (database down): the changes are offered again later
     */
    Map<String, RecordOwner> owners(Collection<String> recordIds) throws Exception;

    /**
     * Hands every record of this type the other side should hold, at its current version: what headquarters
     * sends a newly enrolled mission, and what both sides compare when an administrator checks a link.
     *
     * @param missionCode the mission whose records are wanted; {@code null} for all
     */
    void export(String missionCode, Consumer<SyncChange> sink) throws Exception;
}
