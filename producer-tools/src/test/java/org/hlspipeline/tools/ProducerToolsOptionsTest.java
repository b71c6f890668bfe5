package org.hlspipeline.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * Every subcommand that talks to Kafka takes the cluster's settings the same way: {@code --bootstrap-servers} and
 * the {@code --command-config} file that carries SASL and TLS (docs/operations.md, "Kafka: SASL/SCRAM, TLS and
 * ACLs"). Only commands that never open a Kafka client may lack them, and they are named here.
 */
class ProducerToolsOptionsTest {

    /** Commands without a Kafka client: {@code asset import} writes a file, {@code help} prints. */
    private static final List<String> WITHOUT_KAFKA = List.of("producer-tools asset", "producer-tools asset import",
            "producer-tools help", "producer-tools sign");

    @Test
    void everyCommandThatTalksToKafkaTakesACommandConfigFile() {
        List<String> without = new ArrayList<>();
        List<String> with = new ArrayList<>();
        for (CommandLine command : descendants(new CommandLine(new ProducerTools()))) {
            String name = command.getCommandSpec().qualifiedName();
            boolean takesIt = command.getCommandSpec().findOption("--command-config") != null
                    && command.getCommandSpec().findOption("--bootstrap-servers") != null;
            (takesIt ? with : without).add(name);
        }
        assertThat(without).containsExactlyInAnyOrderElementsOf(WITHOUT_KAFKA);
        assertThat(with).contains("producer-tools segment", "producer-tools end", "producer-tools rendition-info",
                "producer-tools tail", "producer-tools command", "producer-tools command configure", "producer-tools command skip",
                "producer-tools schedule", "producer-tools alert", "producer-tools cancel-alert",
                "producer-tools load", "producer-tools rebuild");
    }

    /** Every command below the root, once each (picocli lists aliases as more keys of the same command). */
    private static List<CommandLine> descendants(CommandLine command) {
        List<CommandLine> found = new ArrayList<>();
        for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) {
            found.add(sub);
            found.addAll(descendants(sub));
        }
        return found;
    }
}
