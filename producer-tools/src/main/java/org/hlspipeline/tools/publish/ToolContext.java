package org.hlspipeline.tools.publish;

import java.io.InputStream;
import java.util.Map;

import org.hlspipeline.tools.cli.ToolClock;

import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command takes from the tool it runs in rather than from its options: where it publishes through, the
 * environment it reads settings from, and what an input file named {@code -} reads, and the clock. The entry point provides it,
 * so that tests substitute each one without the commands knowing the entry point.
 */
public interface ToolContext {

    PublisherFactory publishers();

    Map<String, String> environment();

    InputStream stdin();

    /** Where commands that run for a while ({@code tail}, {@code load}) read the time and wait. */
    ToolClock clock();

    /** The context of the tool {@code command} runs in (found from the root, so groups may nest commands). */
    static ToolContext of(CommandSpec command) {
        return (ToolContext) command.root().userObject();
    }
}
