package org.hlspipeline.tools.channel;

import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that act on what airs or is queued without adding items: skip, remove and end. */
final class PlayheadCommands {

    private PlayheadCommands() {
    }

    @Command(name = "skip", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "End the current item at the next segment boundary; the channel goes on with what comes "
                    + "next.",
            footer = {"", "Example:", "  producer-tools command skip --channel tv1"})
    static final class Skip extends ChannelCommandBase {

        @Override
        String type() {
            return "skip";
        }

        @Override
        void fill(ObjectNode form, FormSources sources) {
            // A skip has no fields of its own.
        }
    }

    @Command(name = "remove", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "Take an item out of a channel's queue before it airs.",
            footer = {"", "Example:", "  producer-tools command remove --channel tv1 --item ep2"})
    static final class Remove extends ChannelCommandBase {

        @Option(names = "--item", required = true, paramLabel = "<id>", order = 10,
                description = "The queued item's id.")
        String itemId;

        @Override
        String type() {
            return "remove";
        }

        @Override
        void fill(ObjectNode form, FormSources sources) {
            form.put("itemId", itemId);
        }
    }

    @Command(name = "end", sortOptions = false, mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = "End the channel: its playlists get #EXT-X-ENDLIST, now or after the current item.",
            footer = {"", "Example:", "  producer-tools command end --channel tv1 --when AFTER_CURRENT"})
    static final class End extends ChannelCommandBase {

        @Option(names = "--when", paramLabel = "<when>", order = 10,
                description = "NOW (default) or AFTER_CURRENT.")
        String when;

        @Override
        String type() {
            return "end";
        }

        @Override
        void fill(ObjectNode form, FormSources sources) {
            if (when != null) {
                form.put("when", when);
            }
        }
    }
}
