package org.hlspipeline.tools;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.hlspipeline.tools.cli.ToolClock;
import org.hlspipeline.tools.publish.PublisherFactory;

/** Runs the tool in-process with a chosen publisher factory and environment, capturing what it prints. */
public record ToolRun(int exitCode, String out, String err) {

    public static ToolRun run(PublisherFactory publishers, Map<String, String> environment, String... args) {
        return run(publishers, environment, new ByteArrayInputStream(new byte[0]), args);
    }

    public static ToolRun run(PublisherFactory publishers, String... args) {
        return run(publishers, Map.of(), args);
    }

    /** With {@code stdin} as what an input file named {@code -} reads. */
    public static ToolRun withStdin(PublisherFactory publishers, String stdin, String... args) {
        return run(publishers, Map.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    /** With {@code clock} as what {@code tail} and {@code load} wait on. */
    public static ToolRun withClock(PublisherFactory publishers, ToolClock clock, String... args) {
        return run(publishers, Map.of(), new ByteArrayInputStream(new byte[0]), clock, args);
    }

    private static ToolRun run(PublisherFactory publishers, Map<String, String> environment, InputStream stdin,
                               String... args) {
        return run(publishers, environment, stdin, ToolClock.SYSTEM, args);
    }

    private static ToolRun run(PublisherFactory publishers, Map<String, String> environment, InputStream stdin,
                               ToolClock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools(publishers, environment, stdin, clock)
                .execute(new PrintWriter(out), new PrintWriter(err), args);
        return new ToolRun(exitCode, out.toString(), err.toString());
    }

    /** What was printed on stdout, line by line. */
    public java.util.List<String> outLines() {
        return out.lines().toList();
    }
}
