package org.diwan.api.sync;

import org.osgi.annotation.versioning.ProviderType;

/** Reads the link's state from the node's broker. */
@ProviderType
public interface LinkMonitor {

    LinkStatus status();
}
