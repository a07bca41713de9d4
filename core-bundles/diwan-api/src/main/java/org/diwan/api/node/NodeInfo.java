package org.diwan.api.node;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Who this node is. Synced records carry the node id of their origin. */
@ProviderType
public interface NodeInfo {

    /** A UUID generated at the node's first start and kept in its data folder. */
    String nodeId();

    NodeRole role();

    /** The mission's code on a mission node; empty on headquarters. */
    Optional<String> missionCode();
}
