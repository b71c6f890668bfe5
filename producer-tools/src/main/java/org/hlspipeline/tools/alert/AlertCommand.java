package org.hlspipeline.tools.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.hlspipeline.tools.channel.ItemOptions;
import org.hlspipeline.tools.cli.Converters;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alert", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Send an alert to many channels at once (an Alert on hls.broadcasts, keyed by the alert id) and print "
                    + "the alert id. From --start-at for --duration, every target channel airs the alert's items "
                    + "over its programming, by priority, then goes back: to where it was cut (RESUME) or to where "
                    + "it would be had the alert not aired (JOIN_IN_PROGRESS).",
            "",
            "Each item must provide every rendition of a channel's ladder to air there. Withdraw it with "
                    + "cancel-alert."
        },
        footer = {
            "",
            "Examples:",
            "  producer-tools alert --alert-id storm-1 --channels '*' --duration 30 \\",
            "      --item storm --kind ALERT --title \"Storm warning\" --asset storm.json",
            "  producer-tools alert --file storm-1.json --dry-run"
        })
public final class AlertCommand extends BroadcastSender {

    @Option(names = "--alert-id", paramLabel = "<id>", order = 1,
            description = "Alert id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}; cancel-alert names it. Required without "
                    + "--file.")
    String alertId;

    @Option(names = "--channels", split = ",", paramLabel = "<id>", order = 2,
            description = "Target channel ids, comma-separated, or '*' for every channel. Required without --file.")
    List<String> channels;

    @Option(names = "--priority", paramLabel = "<n>", order = 3,
            description = "At least 1; preempts interrupts of a lower priority. Default: 100.")
    Integer priority;

    @Option(names = "--start-at", paramLabel = "<instant>", order = 4, converter = Converters.IsoInstant.class,
            description = "When it starts, ISO-8601. Default: now (this machine's clock).")
    Instant startAt;

    @Option(names = "--duration", paramLabel = "<seconds>", order = 5,
            description = "How long it lasts, in seconds. Required without --file.")
    BigDecimal duration;

    @Option(names = "--after", paramLabel = "<policy>", order = 6,
            description = "RESUME (default) or JOIN_IN_PROGRESS.")
    String after;

    @ArgGroup(exclusive = false, multiplicity = "0..*", order = 40,
            heading = "%nItems, in airing order (each --item starts the next; required without --file):%n")
    List<ItemOptions> items;

    @Override
    String type() {
        return "alert";
    }

    @Override
    boolean formFlagsGiven() {
        return alertId != null || channels != null || priority != null || startAt != null || duration != null
                || after != null || items != null;
    }

    @Override
    void fill(ObjectNode form, FormSources sources) throws ToolFailure {
        if (alertId == null || channels == null || duration == null || items == null || items.isEmpty()) {
            throw ToolFailure.usage("give --alert-id, --channels, --duration and at least one --item (or --file)");
        }
        form.put("type", "alert");
        form.put("alertId", alertId);
        ArrayNode targets = form.putArray("channels");
        channels.forEach(targets::add);
        if (priority != null) {
            form.put("priority", priority);
        }
        if (startAt != null) {
            form.put("startAt", startAt.toString());
        }
        form.put("duration", duration);
        form.set("items", ItemOptions.forms(items, "items", sources, stdin()));
        if (after != null) {
            form.put("after", after);
        }
    }
}
