package org.hlspipeline.tools.channel;

import java.util.List;

import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that put items on a channel: enqueue, replace and interrupt, each with its items from flags. */
final class QueueCommands {

    private QueueCommands() {
    }

    /** The items of a queue command, given as repeated {@code --item ...} groups. */
    abstract static class WithItems extends ChannelCommandBase {

        @ArgGroup(exclusive = false, multiplicity = "1..*", order = 40,
                heading = "%nItems, in airing order (each --item starts the next):%n")
        List<ItemOptions> items;

        @Override
        final void fill(ObjectNode form, FormSources sources) throws ToolFailure {
            form.set("items", ItemOptions.forms(items, "items", sources, stdin()));
            fillOptions(form);
        }

        abstract void fillOptions(ObjectNode form);
    }

    @Command(name = "enqueue", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Add items to a channel's queue: at its end, or next after what airs now.",
            footer = {"", "Example:",
                "  producer-tools command enqueue --channel tv1 \\",
                "      --item ep1 --title \"Episode 1\" --asset ep1.json \\",
                "      --item ep2 --title \"Episode 2\" --asset ep2.json"})
    static final class Enqueue extends WithItems {

        @Option(names = "--position", paramLabel = "<where>", order = 10,
                description = "END (default): after the queued items; NEXT: before them.")
        String position;

        @Override
        String type() {
            return "enqueue";
        }

        @Override
        void fillOptions(ObjectNode form) {
            if (position != null) {
                form.put("position", position);
            }
        }
    }

    @Command(name = "replace", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Swap a channel's queue for these items: now (cutting what airs at the next segment "
                    + "boundary) or after the current item.",
            footer = {"", "Example:",
                "  producer-tools command replace --channel tv1 --when AFTER_CURRENT \\",
                "      --item movie --title \"The Movie\" --asset movie.json"})
    static final class Replace extends WithItems {

        @Option(names = "--when", paramLabel = "<when>", order = 10,
                description = "NOW (default) or AFTER_CURRENT.")
        String when;

        @Override
        String type() {
            return "replace";
        }

        @Override
        void fillOptions(ObjectNode form) {
            if (when != null) {
                form.put("when", when);
            }
        }
    }

    @Command(name = "interrupt", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {"Cut what airs at the first segment boundary at or after --effective-at (default: on "
                    + "receipt), air these items, then go on by --resume: RESUME the cut item where it was cut, "
                    + "SKIP to the next queued item, or REPLACE the queue with these items.",
                "", "A higher priority preempts a lower one; an equal or lower one waits its turn."},
            footer = {"", "Example:",
                "  producer-tools command interrupt --channel tv1 \\",
                "      --effective-at 2026-11-21T20:00:00Z --priority 20 \\",
                "      --item flash --title \"News flash\" --asset flash.json"})
    static final class Interrupt extends WithItems {

        @Option(names = "--priority", paramLabel = "<n>", order = 10, description = "At least 1. Default: 10.")
        Integer priority;

        @Option(names = "--resume", paramLabel = "<policy>", order = 11,
                description = "RESUME (default), SKIP or REPLACE.")
        String resume;

        @Override
        String type() {
            return "interrupt";
        }

        @Override
        void fillOptions(ObjectNode form) {
            if (priority != null) {
                form.put("priority", priority);
            }
            if (resume != null) {
                form.put("resume", resume);
            }
        }
    }
}
