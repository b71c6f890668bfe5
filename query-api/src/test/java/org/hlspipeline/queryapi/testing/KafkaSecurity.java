package org.hlspipeline.queryapi.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * What a {@link KafkaCluster} needs to serve clients only over SASL_SSL with SCRAM-SHA-512 and to authorize every
 * request with KRaft's {@code StandardAuthorizer} (docs/operations.md, "Kafka security"): a broker certificate for
 * 127.0.0.1 made with the JDK's {@code keytool} (self-signed, PKCS12 keystore, and a PKCS12 truststore holding
 * it), the super user {@value #ADMIN} whose SCRAM credential is written at format time, and the client
 * properties of any user.
 *
 * <p>The controller listener uses SASL PLAIN with the same admin user, so that every principal the authorizer
 * sees is a named one and no listener lets an anonymous client in.
 */
public final class KafkaSecurity {

    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final String STORE_PASSWORD = "test-store-secret";
    private static final String ADMIN_PASSWORD = "admin-secret";

    private final Path keystore;
    private final Path truststore;

    private KafkaSecurity(Path keystore, Path truststore) {
        this.keystore = keystore;
        this.truststore = truststore;
    }

    /** Generates the broker's keystore and the clients' truststore under {@code dir}. */
    public static KafkaSecurity create(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.pem");
        Path truststore = dir.resolve("truststore.p12");
        keytool(dir, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool(dir, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        keytool(dir, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
        return new KafkaSecurity(keystore, truststore);
    }

    private static void keytool(Path dir, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Path log = dir.resolve("keytool.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                fail("keytool %s failed:%n%s", arguments[0], Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The listener and authorizer settings of a node whose client listener is {@code SASL_SSL} on this port. */
    Map<String, String> brokerProperties(int clientPort, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "SASL_SSL://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + clientPort);
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
        p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        p.put("listener.name.sasl_ssl.sasl.enabled.mechanisms", MECHANISM);
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramJaas(ADMIN, ADMIN_PASSWORD));
        // SCRAM cannot authenticate controllers (their credentials live in the metadata they serve): PLAIN there.
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                        + "\" password=\"" + ADMIN_PASSWORD + "\" user_" + ADMIN + "=\"" + ADMIN_PASSWORD + "\";");
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.location", keystore.toString());
        p.put("ssl.keystore.password", STORE_PASSWORD);
        p.put("ssl.key.password", STORE_PASSWORD);
        p.putAll(trustProperties());
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("super.users", "User:" + ADMIN);
        p.put("allow.everyone.if.no.acl.found", "false");
        return p;
    }

    /** The {@code kafka-storage format} argument that writes the admin's SCRAM credential into the metadata. */
    List<String> formatArguments() {
        return List.of("--add-scram", MECHANISM + "=[name=" + ADMIN + ",password=" + ADMIN_PASSWORD + "]");
    }

    /** A client's properties, as for a {@code --command-config} file: SASL_SSL, SCRAM-SHA-512, the truststore. */
    public Map<String, String> clientProperties(String user, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", MECHANISM);
        p.put("sasl.jaas.config", scramJaas(user, password));
        p.putAll(trustProperties());
        return p;
    }

    public Map<String, String> adminProperties() {
        return clientProperties(ADMIN, ADMIN_PASSWORD);
    }

    /** Writes {@code properties} as a Kafka client properties file. */
    public static Path write(Path file, Map<String, String> properties) {
        List<String> lines = new ArrayList<>();
        // Properties files read backslashes as escapes; the values here have none but paths on Windows would.
        properties.forEach((key, value) -> lines.add(key + "=" + value.replace("\\", "\\\\")));
        try {
            return Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates (or changes) the SCRAM-SHA-512 credential of each user, as the admin. */
    public static void createUsers(Admin admin, Map<String, String> passwords) {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = new ArrayList<>();
        passwords.forEach((user, password) -> upserts.add(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)));
        try {
            admin.alterUserScramCredentials(upserts).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the SCRAM users " + passwords.keySet(), e);
        }
    }

    private Map<String, String> trustProperties() {
        return Map.of("ssl.truststore.type", "PKCS12", "ssl.truststore.location", truststore.toString(),
                "ssl.truststore.password", STORE_PASSWORD);
    }

    public Path truststore() {
        return truststore;
    }

    public String truststorePassword() {
        return STORE_PASSWORD;
    }

    static String scramJaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
