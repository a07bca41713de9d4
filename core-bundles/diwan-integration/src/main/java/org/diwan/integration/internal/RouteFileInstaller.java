package org.diwan.integration.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deployment of YAML routes: Karaf's fileinstall offers every {@code *.camel.yaml} file of {@code deploy/} to
 * this installer when it appears, changes or disappears, and {@link RouteFiles} starts, replaces or removes its
 * routes in the running CamelContext.
 * <p>
 * A refused file is logged here as one ERROR line and never thrown back to fileinstall, which would log its own
 * stack trace on top of ours. Refused files are tried again, quietly, when a bean service arrives (a route may call
 * a plugin that started after it) and when another file's routes go (freeing a route id).
 */
@Component(service = ArtifactInstaller.class, immediate = true)
public final class RouteFileInstaller implements ArtifactInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileInstaller.class);
    /** Lets a burst of services registering together (a feature starting) cause one retry, not one each. */
    private static final long RETRY_DELAY_MS = 1000;

    private final CamelRuntime runtime;
    private final RouteFiles routeFiles;
    private final ScheduledExecutorService retries;
    private final AtomicBoolean retryPending = new AtomicBoolean();
    private final Runnable beansListener = this::beansArrived;

    @Activate
    public RouteFileInstaller(@Reference CamelRuntime runtime) {
        this.runtime = runtime;
        this.routeFiles = new RouteFiles(runtime.context(), runtime.settings());
        this.retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "diwan-route-files-retry");
            thread.setDaemon(true);
            return thread;
        });
        runtime.deployFolder().ifPresent(this::loadExisting);
        runtime.addBeansListener(beansListener);
    }

    @Override
    public boolean canHandle(File artifact) {
        return RouteFiles.isRouteFile(artifact.toPath());
    }

    @Override
    public void install(File artifact) {
        load(artifact.toPath());
    }

    @Override
    public void update(File artifact) {
        load(artifact.toPath());
    }

    @Override
    public void uninstall(File artifact) {
        try {
            if (!routeFiles.unload(artifact.toPath()).isEmpty()) {
                routeFiles.retryRefused();
            }
        } catch (RouteFileException e) {
            LOG.error("Route file {} removed, but not all of its routes stopped: {}", e.file(), e.reason());
            LOG.debug("Route file {} removal failure", e.file(), runtime.settings().masked(e));
        }
    }

    /**
     * Takes this installer's routes out of the context, so that an installer activated again (bundle refresh,
     * configuration change) starts from the files as they are then.
     */
    @Deactivate
    void deactivate() {
        runtime.removeBeansListener(beansListener);
        retries.shutdownNow();
        for (Path file : routeFiles.files()) {
            try {
                routeFiles.unload(file);
            } catch (RouteFileException e) {
                LOG.error("Route file {}: not all of its routes stopped: {}", e.file(), e.reason());
            }
        }
    }

    private void load(Path file) {
        try {
            routeFiles.load(file);
        } catch (RouteFileException e) {
            if (e.repeated()) {
                // reported when this content was first refused
                LOG.debug("Route file {} still refused: {}", e.file(), e.reason());
                return;
            }
            List<String> stillRunning = routeFiles.routeIds(file);
            if (stillRunning.isEmpty()) {
                LOG.error("Route file {} refused: {}", e.file(), e.reason());
            } else {
                LOG.error("Route file {} refused, its previous routes {} keep running: {}", e.file(), stillRunning,
                        e.reason());
            }
            LOG.debug("Route file {} refusal", e.file(), runtime.settings().masked(e));
        }
    }

    /** On the registering bundle's thread: hand over to our own. */
    private void beansArrived() {
        if (retryPending.compareAndSet(false, true)) {
            try {
                retries.schedule(() -> {
                    retryPending.set(false);
                    routeFiles.retryRefused();
                }, RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // deactivated meanwhile: nothing to retry into
                retryPending.set(false);
            }
        }
    }

    /**
     * fileinstall offers a file only when it is new or changed since fileinstall itself started: after this bundle
     * alone restarts, the routes of unchanged files would silently be gone. Loading the folder's files here brings
     * them back; the file that fileinstall offers again at Karaf's start is then recognised as unchanged.
     */
    private void loadExisting(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(RouteFiles::isRouteFile).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.error("Cannot list {} for route files: {}", folder, RouteFiles.reason(e));
            return;
        }
        files.forEach(this::load);
    }
}
