package org.hlspipeline.tools.channel;

import java.util.Optional;

import org.hlspipeline.processor.channel.ChannelCommandCheck;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.schemas.json.InvalidCommandException;
import org.hlspipeline.schemas.json.JsonFormWriter;
import org.hlspipeline.tools.cli.ConnectionOptions;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.forms.FormSources;
import org.hlspipeline.tools.forms.FormText;
import org.hlspipeline.tools.publish.KafkaCommand;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends one channel command given as its JSON form (see docs/architecture.md, Command forms and producer-tools),
 * whether the form came from a file or was built from flags: read by the same reader as the HTTP gateway's, checked by the processor's rules as far as they hold
 * without the channel's state, then sent keyed by channel id, or shown with {@code --dry-run}.
 */
abstract class ChannelCommandSender extends KafkaCommand {

    @Override
    protected ConnectionOptions.TopicDefault topicDefault() {
        return ConnectionOptions.CHANNEL_COMMANDS;
    }

    /** @return the exit code; prints the command id once acknowledged, or the command's form for a dry run */
    final int checkAndSend(String channelId, ObjectNode form, FormSources sources, boolean dryRun) {
        ChannelCommand command;
        try {
            command = ChannelCommandJson.parseCommand(channelId, form);
        } catch (InvalidCommandException e) {
            return refuse(sources.place(e.field(), e.getMessage()), e.getMessage());
        }
        Optional<String> problem = ChannelCommandCheck.problemWhateverTheState(channelId, command);
        if (problem.isPresent()) {
            return refuse(sources.placeReason(problem.get()), problem.get());
        }
        String type = JsonFormWriter.commandType(command.getPayload());
        return sendOrShow(new Outgoing(channelId, command, type + " " + command.getCommandId()), dryRun,
                FormText.line(JsonFormWriter.command(command)), command.getCommandId());
    }

    /** A problem found in a file is bad input (exit code 5); one in the flags is a usage error (exit code 2). */
    private int refuse(Optional<String> placedInAFile, String message) {
        if (placedInAFile.isPresent()) {
            return ToolFailure.input(placedInAFile.get()).report(commandSpec());
        }
        throw usage(message);
    }
}
