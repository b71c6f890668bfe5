package org.hlspipeline.queryapi.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.AclCommand;

/**
 * The {@code kafka-acls.sh} lines of docs/operations.md (the bash block after {@code <!-- acls:commands -->}, each
 * line {@code acl <arguments>} with {@code acl} standing for {@code kafka-acls.sh --bootstrap-server …
 * --command-config admin.properties --add}), run through {@link AclCommand}, the class that script runs. So the
 * ACLs a test grants are the documented ones, and a change to the table that the test does not take fails it.
 */
record DocumentedAcls(List<List<String>> commands) {

    private static final String MARKER = "<!-- acls:commands -->";
    private static final String PREFIX = "acl ";

    static DocumentedAcls read() {
        // The tests run in the query-api module's folder.
        Path doc = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("docs")
                .resolve("operations.md");
        String text;
        try {
            text = Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int marker = text.indexOf(MARKER);
        assertThat(marker).as("%s in %s", MARKER, doc).isNotNegative();
        int open = text.indexOf("```bash\n", marker);
        int close = text.indexOf("```", open + 8);
        List<List<String>> commands = new ArrayList<>();
        for (String line : text.substring(open + 8, close).split("\n")) {
            if (line.startsWith(PREFIX)) {
                assertThat(line).as("a documented ACL line is plain words").doesNotContain("\"", "'", "$", "\\");
                commands.add(List.of(line.substring(PREFIX.length()).trim().split("\\s+")));
            }
        }
        assertThat(commands).as("documented ACL lines").isNotEmpty();
        return new DocumentedAcls(List.copyOf(commands));
    }

    /** How many ACL bindings the lines make: each operation on each resource. */
    int bindings() {
        int total = 0;
        for (List<String> command : commands) {
            long operations = command.stream().filter("--operation"::equals).count();
            long resources = command.stream().filter(word -> word.equals("--topic") || word.equals("--group")
                    || word.equals("--transactional-id") || word.equals("--cluster")).count();
            total += (int) (operations * resources);
        }
        return total;
    }

    /** Runs every line as {@code kafka-acls.sh --add} against {@code bootstrapServers} with the admin's file. */
    void apply(String bootstrapServers, Path adminProperties) {
        // AclCommand ends the JVM on a failure; here that fails the test instead.
        Exit.setExitProcedure((code, message) -> {
            throw new AssertionError("kafka-acls exited with " + code + (message == null ? "" : ": " + message));
        });
        try {
            for (List<String> command : commands) {
                List<String> args = new ArrayList<>(Arrays.asList("--bootstrap-server", bootstrapServers,
                        "--command-config", adminProperties.toString(), "--add"));
                args.addAll(command);
                AclCommand.main(args.toArray(String[]::new));
            }
        } finally {
            Exit.resetExitProcedure();
        }
    }
}
