package org.diwan.distribution;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.diwan.itkit.DiwanNode;
import org.diwan.itkit.WebClient;

/**
 * Headquarters and one mission, {@value #CODE}: a {@link SyncNetwork} of two, with the mission's node, proxy and
 * session at hand, as the two-node tests use them.
 */
final class SyncPair implements AutoCloseable {

    static final String CODE = "TUN";
    static final String ADMIN = SyncNetwork.ADMIN;
    static final String PASSWORD = SyncNetwork.PASSWORD;
    static final String LETTERS = SyncNetwork.LETTERS;

    final ObjectMapper json;
    final DiwanNode hq;
    final DiwanNode mission;
    final LinkProxy proxy;
    final String missionId;
    WebClient hqAdmin;
    WebClient missionAdmin;
    private final SyncNetwork network;

    private SyncPair(SyncNetwork network) {
        SyncNetwork.MissionNode only = network.mission(CODE);
        this.network = network;
        this.json = network.json;
        this.hq = network.hq;
        this.mission = only.node;
        this.proxy = only.proxy;
        this.missionId = only.missionId;
        this.hqAdmin = network.hqAdmin;
        this.missionAdmin = only.admin;
    }

    /**
     * @param missionEnv extra environment of the mission node (its retry intervals, for the outage test)
     */
    static SyncPair start(String name, Map<String, String> missionEnv) throws Exception {
        return new SyncPair(SyncNetwork.start(name, List.of(CODE), missionEnv));
    }

    static WebClient login(DiwanNode node) throws Exception {
        return SyncNetwork.login(node);
    }

    /** Logs in again after a node restarted (its sessions went with it). */
    void relogin() throws Exception {
        hqAdmin = login(hq);
        missionAdmin = login(mission);
    }

    /** Registers a piece of correspondence on the mission through its API; returns its id, or null if refused or unreachable. */
    String createOnMission(WebClient client, String subject) throws IOException, InterruptedException {
        return network.createLetter(client, missionId, CODE, subject);
    }

    /**
     * Every piece of correspondence a node holds: id to its version and the SHA-256 of the record as stored (the
     * node's own export, read from its database), what both sides must agree on.
     */
    Map<String, String> inventory(WebClient client) throws Exception {
        return network.inventory(client, null);
    }

    JsonNode status(WebClient client) throws Exception {
        return network.status(client);
    }

    @Override
    public void close() throws Exception {
        network.close();
    }
}
