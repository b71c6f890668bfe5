package org.hlspipeline.tools;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the tool in-process with a chosen publisher factory and environment, capturing what it prints. */
record ToolRun(int exitCode, String out, String err) {

    static ToolRun run(PublisherFactory publishers, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools(publishers, environment)
                .execute(new PrintWriter(out), new PrintWriter(err), args);
        return new ToolRun(exitCode, out.toString(), err.toString());
    }

    static ToolRun run(PublisherFactory publishers, String... args) {
        return run(publishers, Map.of(), args);
    }
}
