package org.hlspipeline.tools.channel;

import java.time.Instant;

import org.hlspipeline.tools.cli.Converters;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * A channel command given by flags: the options every command has ({@code --channel}, {@code --command-id},
 * {@code --effective-at}, {@code --dry-run}), and the command's JSON form built from them, which is then read and
 * checked exactly as a file's would be.
 */
abstract class ChannelCommandBase extends ChannelCommandSender {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // Checked in call(), after the options given before the command's name, so that a misplaced --channel is
    // reported as misplaced rather than missing.
    @Option(names = "--channel", paramLabel = "<id>", order = 1,
            description = "Required. Channel id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}; the record key.")
    String channel;

    @Option(names = "--command-id", paramLabel = "<id>", order = 90,
            description = "Command id, same pattern. The pipeline applies a repeated id once, so resending with the "
                    + "same id is safe. Default: a random UUID.")
    String commandId;

    @Option(names = "--effective-at", paramLabel = "<instant>", order = 91, converter = Converters.IsoInstant.class,
            description = "When the command takes effect (at the first segment boundary at or after it), ISO-8601. "
                    + "Default: when the pipeline receives it.")
    Instant effectiveAt;

    @Option(names = "--dry-run", order = 92,
            description = "Check the command and print its JSON form instead of sending it.")
    boolean dryRun;

    /** The JSON form's {@code type}. */
    abstract String type();

    /** Adds the type's own fields to the form; a file named by a flag is traced in {@code sources}. */
    abstract void fill(ObjectNode form, FormSources sources) throws ToolFailure;

    @Override
    public final Integer call() {
        refuseOptionsBeforeTheType();
        if (channel == null) {
            throw usage("--channel is required");
        }
        ObjectNode form = NODES.objectNode();
        form.put("type", type());
        if (commandId != null) {
            form.put("commandId", commandId);
        }
        if (effectiveAt != null) {
            form.put("effectiveAt", effectiveAt.toString());
        }
        FormSources sources = new FormSources(form);
        try {
            fill(form, sources);
        } catch (ToolFailure e) {
            return e.report(commandSpec());
        }
        return checkAndSend(channel, form, sources, dryRun);
    }

    /**
     * {@code command --channel tv1 skip} would leave {@code --channel} to {@code command --file}, where it means
     * nothing for a skip; say so rather than ignore it (or a --bootstrap-servers given there).
     */
    private void refuseOptionsBeforeTheType() {
        CommandSpec group = commandSpec().parent();
        if (group != null && !group.commandLine().getParseResult().matchedOptions().isEmpty()) {
            String given = String.join(", ", group.commandLine().getParseResult().matchedOptions().stream()
                    .map(option -> option.longestName()).distinct().toList());
            throw usage("the options before '" + commandSpec().name() + "' (" + given + ") belong to 'command "
                    + "--file'; give them after '" + commandSpec().name() + "'");
        }
    }
}
