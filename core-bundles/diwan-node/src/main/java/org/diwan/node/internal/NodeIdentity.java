package org.diwan.node.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.diwan.api.node.NodeInfo;
import org.diwan.api.node.NodeRole;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's identity: a UUID made at the first start and kept in {@code <data>/node-id} (it never changes,
 * synced records carry it), the role from {@code DIWAN_NODE_ROLE} ({@code hq}, the default, or {@code mission})
 * and, on a mission node, the mission code from {@code DIWAN_MISSION_CODE}. A mission node without a valid
 * code does not start this service, and says why.
 */
@Component(service = NodeInfo.class, immediate = true)
public final class NodeIdentity implements NodeInfo {

    private static final Logger LOG = LoggerFactory.getLogger(NodeIdentity.class);
    static final String ID_FILE = "node-id";
    private static final Pattern MISSION_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    private final String nodeId;
    private final NodeRole role;
    private final Optional<String> missionCode;

    @Activate
    public NodeIdentity(BundleContext context) throws IOException {
        this(Path.of(context.getProperty("karaf.data")), context.getProperty("diwan.node.role"),
                context.getProperty("diwan.node.mission"));
    }

    NodeIdentity(Path dataFolder, String role, String missionCode) throws IOException {
        this.role = parseRole(role);
        String code = missionCode == null ? "" : missionCode.strip().toUpperCase(Locale.ROOT);
        if (this.role == NodeRole.MISSION && !MISSION_CODE.matcher(code).matches()) {
            throw new IllegalStateException("a mission node needs DIWAN_MISSION_CODE: 2-32 of A-Z, 0-9 and '-' (got '" + code + "')");
        }
        this.missionCode = this.role == NodeRole.MISSION ? Optional.of(code) : Optional.empty();
        this.nodeId = readOrCreateId(dataFolder.resolve(ID_FILE));
        LOG.info("Node {} ({}{})", nodeId, this.role, this.missionCode.map(c -> " " + c).orElse(""));
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public NodeRole role() {
        return role;
    }

    @Override
    public Optional<String> missionCode() {
        return missionCode;
    }

    static NodeRole parseRole(String text) {
        String value = text == null || text.isBlank() ? "hq" : text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "hq" -> NodeRole.HQ;
            case "mission" -> NodeRole.MISSION;
            default -> throw new IllegalStateException("DIWAN_NODE_ROLE must be 'hq' or 'mission', not '" + value + "'");
        };
    }

    private static String readOrCreateId(Path file) throws IOException {
        if (Files.exists(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return UUID.fromString(stored).toString();
        }
        String id = UUID.randomUUID().toString();
        Files.createDirectories(file.getParent());
        Files.writeString(file, id + "\n", StandardCharsets.US_ASCII);
        return id;
    }
}
