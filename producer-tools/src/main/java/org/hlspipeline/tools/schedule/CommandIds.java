package org.hlspipeline.tools.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.json.JsonFormWriter;
import org.hlspipeline.tools.forms.FormText;
import tools.jackson.databind.node.ObjectNode;

/**
 * Command ids for a schedule with an {@code id}: {@code <id>.<n>.<hash>}, where n is the command's place in the
 * plan and hash the start of the SHA-256 of its JSON form. The pipeline applies a repeated command id once, so
 * applying the same file again (after a failure halfway, say) sends nothing new, while a command that was edited
 * gets a new id and is applied. Without an id each run gets random ids, as a command does from the HTTP API.
 */
final class CommandIds {

    private static final int HASH_CHARACTERS = 12;

    private CommandIds() {
    }

    static List<PlanStep> assign(String scheduleId, List<PlanStep> steps) {
        if (scheduleId == null) {
            return steps;
        }
        List<PlanStep> named = new ArrayList<>(steps.size());
        for (PlanStep step : steps) {
            ChannelCommand command = ChannelCommand.newBuilder(step.command())
                    .setCommandId(scheduleId + "." + named.size() + "." + hash(step.command()))
                    .build();
            named.add(new PlanStep(command, step.sources()));
        }
        return named;
    }

    /** Of the command as it will be sent, whatever the file's layout, without the id it replaces. */
    private static String hash(ChannelCommand command) {
        ObjectNode form = JsonFormWriter.command(command);
        form.remove("commandId");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(FormText.line(form).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
