package org.diwan.integration.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A route file is code the node runs, so whoever can write it or its folder can run code as the node. A file, or a
 * folder, that its group or every user may write is therefore refused, whatever it holds.
 * <p>
 * On a file system without POSIX permissions (Windows, some network shares) nothing can be checked: the file is
 * loaded, and {@link #check} says so once per folder with a WARN line (see the integrator's guide).
 */
final class DeployPermissions {

    private DeployPermissions() {
    }

    /**
     * @return why the file may not be loaded (naming the path, its mode and the command that fixes it), or null;
     *         {@link #NOT_POSIX} when the file system has no POSIX permissions
     */
    static String problem(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        for (Path path : folder == null ? new Path[] {file} : new Path[] {folder, file}) {
            if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
                return NOT_POSIX;
            }
            // follows a link: what counts is who can write what the node will read
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                String kind = path.equals(folder) ? "the folder " : "the file ";
                return kind + path + " is writable by " + (mode.contains(PosixFilePermission.OTHERS_WRITE)
                        ? "every user" : "its group") + " (" + PosixFilePermissions.toString(mode) + "), and whoever "
                        + "can write a route file can run code in the node: make it writable by the node's account "
                        + "only (chmod go-w " + path + "), then touch the route file";
            }
        }
        return null;
    }

    /** What {@link #problem} answers on a file system without POSIX permissions. */
    static final String NOT_POSIX = "not a POSIX file system";
}
