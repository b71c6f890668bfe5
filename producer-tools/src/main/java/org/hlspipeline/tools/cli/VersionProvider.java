package org.hlspipeline.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.apache.kafka.common.utils.AppInfoParser;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this build (from the jar's Maven descriptor), the Kafka client, the JVM. */
public final class VersionProvider implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.hlspipeline/producer-tools/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "producer-tools " + toolVersion(),
            "Kafka client " + AppInfoParser.getVersion(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    static String toolVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // Fall through: an unreadable descriptor is no reason to fail --version.
        }
        return "(development build)";
    }
}
