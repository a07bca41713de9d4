package org.diwan.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

import org.diwan.itkit.DiwanNode;

/** The Pax Exam options that boot the built Diwan archive, on free ports, for in-container tests. */
final class DiwanContainer {

    private static final String CUSTOM = "etc/custom.system.properties";

    private DiwanContainer() {
    }

    static Option[] options() {
        java.util.List<Option> options = new java.util.ArrayList<>(java.util.List.of(
            karafDistributionConfiguration()
                    .frameworkUrl(new File(System.getProperty("diwan.archive")).toURI().toString())
                    .name("Diwan")
                    .unpackDirectory(new File("target/pax-exam"))
                    .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevel.INFO),
            // Pax Exam provisions its own bundles through mvn: URLs; the shipped configuration is
            // offline with an empty local repository, so point it at the build's repository.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    System.getProperty("maven.repo.local")),
            editConfigurationFilePut(CUSTOM, "diwan.http.port", Integer.toString(DiwanNode.freePort())),
            editConfigurationFilePut(CUSTOM, "diwan.ssh.port", Integer.toString(DiwanNode.freePort())),
            editConfigurationFilePut(CUSTOM, "diwan.broker.port", Integer.toString(DiwanNode.freePort())),
            systemProperty("diwan.version").value(System.getProperty("diwan.version")),
            // the default three minutes for the container to offer its probe ran out once on a machine at load 20
            // (four distribution tests beside four builds): a busy machine is slower, not broken
            systemTimeout(360_000)));
        // the same JVM options as the process-level nodes (C1 only in the suite: see it.nodeJvmOptions in the pom)
        for (String option : DiwanNode.testJvmOptions().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(vmOption(option));
            }
        }
        return options.toArray(new Option[0]);
    }
}
