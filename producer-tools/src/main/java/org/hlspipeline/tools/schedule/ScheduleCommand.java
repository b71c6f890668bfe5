package org.hlspipeline.tools.schedule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.schemas.json.JsonFormWriter;
import org.hlspipeline.tools.cli.ConnectionOptions;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.DocumentReader;
import org.hlspipeline.tools.forms.FormText;
import org.hlspipeline.tools.publish.KafkaCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "schedule", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Apply a schedule file (YAML, or JSON) to a channel: its configuration and its items, in airing "
                    + "order, sent as channel commands to hls.channel-commands, keyed by the channel id.",
            "",
            "The commands, in order: a configure; an enqueue of the items before the first one with a start "
                    + "time; then for each item with a start time a replace effective at that time, for it and the "
                    + "items after it up to the next timed one (an item with an interrupt section makes it an "
                    + "interrupt instead, after which the channel resumes what it cut). An item's asset names a "
                    + "descriptor written by `asset import`, relative to the schedule file.",
            "",
            "The whole file is checked before anything is sent, with the JSON forms' reader and the processor's "
                    + "rules; a problem is reported with its file, line and column, and nothing is sent. With an "
                    + "id, command ids are derived from it and from each command, so applying the same file again "
                    + "changes nothing. See docs/schedule-files.md."
        },
        footer = {
            "",
            "Example (tv1.yaml):",
            "  channel: tv1",
            "  id: tv1-2026-11-21",
            "  configure:",
            "    targetDuration: 2",
            "    ladder:",
            "      - {name: 720p, bandwidth: 2500000, resolution: 1280x720}",
            "    filler: {itemId: slate, kind: FILLER, asset: assets/slate.json}",
            "  items:",
            "    - {itemId: ep1, title: Episode 1, asset: assets/ep1.json}",
            "    - {itemId: news, title: Evening news, start: 2026-11-21T20:00:00Z,",
            "       asset: assets/news.json}",
            "",
            "  producer-tools schedule tv1.yaml --dry-run",
            "  producer-tools schedule tv1.yaml"
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every command sent and acknowledged (--dry-run: the file is valid)",
            "2:invalid command line or client configuration; nothing was sent",
            "3:Kafka or the schema registry unreachable; the output says how many commands were sent",
            "4:Kafka or the schema registry refused",
            "5:the schedule or an asset descriptor is missing, malformed or invalid; nothing was sent"
        })
public final class ScheduleCommand extends KafkaCommand {

    @Parameters(index = "0", paramLabel = "<file>",
            description = "The schedule: .yaml/.yml or .json (- reads YAML, or JSON, from stdin).")
    String file;

    @Option(names = "--channel", paramLabel = "<id>", order = 1,
            description = "The channel, when the file names none (or to check it names this one).")
    String channel;

    @Option(names = "--dry-run", order = 2,
            description = "Check the file and print the commands it makes, one JSON form per line, instead of "
                    + "sending them.")
    boolean dryRun;

    @Override
    protected ConnectionOptions.TopicDefault topicDefault() {
        return ConnectionOptions.CHANNEL_COMMANDS;
    }

    @Override
    public Integer call() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<PlanStep> plan;
        Schedule schedule;
        try {
            // YAML reads JSON too, so stdin and unknown extensions are read as YAML.
            Document document = DocumentReader.read(file, Document.Format.YAML, stdin());
            schedule = ScheduleReader.read(document, channel);
            plan = SchedulePlan.of(schedule);
            ScheduleCheck.check(schedule.channelId(), plan, now);
        } catch (ToolFailure e) {
            return e.report(commandSpec());
        }
        noteStartsPassed(schedule, now);
        if (dryRun) {
            for (PlanStep step : plan) {
                out().println(FormText.line(JsonFormWriter.command(step.command())));
            }
            out().flush();
            return ExitCodes.OK;
        }
        List<Outgoing> records = new ArrayList<>();
        for (PlanStep step : plan) {
            records.add(new Outgoing(schedule.channelId(), step.command(),
                    JsonFormWriter.commandType(step.command().getPayload()) + " " + step.command().getCommandId()));
        }
        int exitCode = publishInOrder(records, settings(),
                (record, delivery) -> "sent " + record.description() + " to " + delivery);
        if (exitCode == ExitCodes.OK) {
            out().println("applied " + schedule.document().name() + " to channel " + schedule.channelId() + ": "
                    + records.size() + " command" + (records.size() == 1 ? "" : "s"));
            out().flush();
        }
        return exitCode;
    }

    /** A start that has passed takes effect at once; worth a word, since it cuts what airs now. */
    private void noteStartsPassed(Schedule schedule, Instant now) {
        for (Schedule.Entry entry : schedule.items()) {
            if (entry.timed() && entry.start().isBefore(now)) {
                err().println(commandSpec().qualifiedName() + ": note: " + entry.path() + " (" + entry.itemId()
                        + ") starts at " + entry.start() + ", which has passed: it takes effect on receipt");
            }
        }
        err().flush();
    }
}
