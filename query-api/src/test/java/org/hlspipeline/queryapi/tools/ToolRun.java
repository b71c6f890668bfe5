package org.hlspipeline.queryapi.tools;

import org.hlspipeline.tools.ProducerTools;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the real producer-tools in this JVM (real Kafka clients, the process environment), captured. */
record ToolRun(int exitCode, String out, String err) {

    static ToolRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = new ProducerTools().execute(new PrintWriter(out), new PrintWriter(err), args);
        return new ToolRun(exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
