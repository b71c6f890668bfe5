package org.hlspipeline.tools.alert;

import java.util.Optional;

import org.hlspipeline.processor.channel.BroadcastCheck;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.schemas.json.InvalidCommandException;
import org.hlspipeline.schemas.json.JsonFormWriter;
import org.hlspipeline.tools.cli.ConnectionOptions;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.DocumentReader;
import org.hlspipeline.tools.forms.FormSources;
import org.hlspipeline.tools.forms.FormText;
import org.hlspipeline.tools.publish.KafkaCommand;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Option;

/**
 * Sends one broadcast (an alert or its cancellation) to {@code hls.broadcasts}, keyed by the alert id, given as
 * flags or as the JSON form of {@code POST /broadcasts}: read by the HTTP gateway's reader, checked by the
 * processor's rules, then sent, or shown with {@code --dry-run}.
 */
abstract class BroadcastSender extends KafkaCommand {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Option(names = "--file", paramLabel = "<file>", order = 80,
            description = "The broadcast's JSON form, as POST /broadcasts takes it (- for stdin), instead of the "
                    + "flags.")
    String file;

    @Option(names = "--dry-run", order = 81,
            description = "Check it and print its JSON form (defaults filled in) instead of sending it.")
    boolean dryRun;

    /** The JSON form's {@code type}: the one a --file must have. */
    abstract String type();

    /** Builds the form from the flags; a file a flag names is traced in {@code sources}. */
    abstract void fill(ObjectNode form, FormSources sources) throws ToolFailure;

    /** Whether any flag that the form is made of was given (they do not mix with --file). */
    abstract boolean formFlagsGiven();

    @Override
    protected ConnectionOptions.TopicDefault topicDefault() {
        return ConnectionOptions.BROADCASTS;
    }

    @Override
    public final Integer call() {
        ObjectNode form;
        FormSources sources;
        try {
            if (file != null) {
                if (formFlagsGiven()) {
                    throw usage("--file gives the whole " + type() + "; leave out the other flags");
                }
                Document document = DocumentReader.read(file, Document.Format.JSON, stdin());
                if (!(document.root() instanceof ObjectNode read)) {
                    throw ToolFailure.input(document.where("") + ": a broadcast is a JSON object");
                }
                if (read.has("type") && !type().equals(read.get("type").asString())) {
                    throw ToolFailure.input(document.where("type") + ": type is '" + read.get("type").asString()
                            + "', but this is the " + type() + " command");
                }
                form = read;
                sources = new FormSources(form).add("", document, "");
            } else {
                form = NODES.objectNode();
                sources = new FormSources(form);
                fill(form, sources);
            }
        } catch (ToolFailure e) {
            return e.report(commandSpec());
        }
        return checkAndSend(form, sources);
    }

    private int checkAndSend(ObjectNode form, FormSources sources) {
        Broadcast broadcast;
        try {
            broadcast = ChannelCommandJson.parseBroadcast(form);
        } catch (InvalidCommandException e) {
            return refuse(sources.place(e.field(), e.getMessage()), e.getMessage());
        }
        String alertId = broadcast.getAlertId();
        Optional<String> problem = BroadcastCheck.problem(alertId, broadcast);
        if (problem.isPresent()) {
            return refuse(sources.placeReason(problem.get()), problem.get());
        }
        return sendOrShow(new Outgoing(alertId, broadcast, type() + " " + alertId), dryRun,
                FormText.line(JsonFormWriter.broadcast(broadcast)), alertId);
    }

    private int refuse(Optional<String> placedInAFile, String message) {
        if (placedInAFile.isPresent()) {
            return ToolFailure.input(placedInAFile.get()).report(commandSpec());
        }
        throw usage(message);
    }
}
