package org.hlspipeline.tools.channel;

import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.DocumentReader;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "command", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ConfigureCommand.class, QueueCommands.Enqueue.class, QueueCommands.Replace.class,
            QueueCommands.Interrupt.class, PlayheadCommands.Skip.class, PlayheadCommands.Remove.class,
            PlayheadCommands.End.class},
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "Send one channel command to hls.channel-commands, keyed by the channel id (a ChannelCommand record), "
                    + "and print its command id. Give it by flags (command skip --channel tv1) or as the JSON form "
                    + "of the HTTP API (command --channel tv1 --file enqueue.json; - reads stdin).",
            "",
            "It is checked before it is sent: its form as the HTTP API checks it, and the processor's rules as far "
                    + "as they hold without the channel's state. The pipeline checks again on arrival (against "
                    + "the ladder, the queue) and dead-letters what it refuses. Commands take effect at "
                    + "effectiveAt (default: on receipt), at the next segment boundary."
        },
        commandListHeading = "%nCommands (each has --help):%n",
        footer = {
            "",
            "Examples:",
            "  producer-tools command skip --channel tv1",
            "  producer-tools command remove --channel tv1 --item ep2",
            "  producer-tools command end --channel tv1 --when AFTER_CURRENT",
            "  producer-tools command --channel tv1 --file enqueue.json"
        })
public final class CommandGroup extends ChannelCommandSender {

    @Option(names = "--file", paramLabel = "<file>", order = 1,
            description = "The command's JSON form, as POST /channels/{id}/commands takes it (- for stdin).")
    String file;

    @Option(names = "--channel", paramLabel = "<id>", order = 2,
            description = "Channel id. Default: the file's \"channelId\".")
    String channel;

    @Option(names = "--dry-run", order = 3,
            description = "Check the command and print its JSON form (defaults filled in) instead of sending it.")
    boolean dryRun;

    @Override
    public Integer call() {
        if (file == null) {
            throw usage("give a command (configure, enqueue, replace, interrupt, skip, remove, end) or --file "
                    + "<json>");
        }
        try {
            Document document = DocumentReader.read(file, Document.Format.JSON, stdin());
            if (!(document.root() instanceof ObjectNode form)) {
                throw ToolFailure.input(document.where("") + ": a command is a JSON object, as in "
                        + "{\"type\": \"skip\"}");
            }
            JsonNode named = form.get("channelId");
            String inFile = named != null && named.isString() ? named.stringValue() : null;
            if (channel != null && inFile != null && !channel.equals(inFile)) {
                throw usage("--channel " + channel + " differs from the file's channelId " + inFile);
            }
            String channelId = channel != null ? channel : inFile;
            if (channelId == null) {
                throw usage("--channel is required when the file gives no \"channelId\"");
            }
            return checkAndSend(channelId, form, new FormSources(form).add("", document, ""), dryRun);
        } catch (ToolFailure e) {
            return e.report(commandSpec());
        }
    }
}
