package org.hlspipeline.queryapi.stream;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hlspipeline.queryapi.testing.Commands;

/**
 * Debian's {@code python3-confluent-kafka} (librdkafka) and {@code python3-avro}, run as a child process with
 * {@code partitioner/produce_segments.py}: a third-party producer that knows nothing of this code base but the
 * schema files and the bundled schema id.
 */
final class PythonProducer {

    private static final String INSTALL_HINT = "sudo apt-get install -y python3-confluent-kafka python3-avro";

    private final String python;

    private PythonProducer(String python) {
        this.python = python;
    }

    /** A python3 with both modules; fails, never skips, without them. */
    static PythonProducer find() throws InterruptedException {
        return new PythonProducer(Commands.python("confluent_kafka, avro", INSTALL_HINT));
    }

    /**
     * Produces segments {@code first..last} of {@code stream}'s 720p with librdkafka's {@code partitioner}
     * (its default when null); answers each sequence's partition.
     */
    Map<Long, Integer> produce(String bootstrap, String topic, String stream, long first, long last,
                               String partitioner) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script().toString(), bootstrap, topic,
                schemaDir().toString(), stream, Long.toString(first), Long.toString(last)));
        if (partitioner != null) {
            command.add(partitioner);
        }
        // stderr to a file: librdkafka may log plenty there, and a full pipe would stall it.
        Path errFile = Files.createTempFile("produce_segments", ".err");
        Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        String err = Files.readString(errFile);
        Files.deleteIfExists(errFile);
        if (!ended || process.exitValue() != 0) {
            process.destroyForcibly();
            fail("%s failed.%nstdout:%n%s%nstderr:%n%s", command, out, err);
        }
        Map<Long, Integer> partitions = new LinkedHashMap<>();
        out.lines().map(line -> line.split(" ")).forEach(f -> partitions.put(Long.parseLong(f[0]),
                Integer.parseInt(f[1])));
        return partitions;
    }

    private static Path script() {
        try {
            return Path.of(PythonProducer.class.getResource("/partitioner/produce_segments.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The frozen StreamEvent v1 file a third party reads, self-contained and bundled as id 1, so that the script
     * needs no change when the schema evolves; the tests run in the query-api module's folder.
     */
    private static Path schemaDir() {
        Path file = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("schemas")
                .resolve("src/main/resources/org/hlspipeline/schemas/registry/StreamEvent-v1.avsc");
        if (!Files.isRegularFile(file)) {
            fail("No %s", file);
        }
        return file;
    }
}
