package org.hlspipeline.tools.channel;

import java.math.BigDecimal;
import java.util.List;

import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.cli.VersionProvider;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.DocumentReader;
import org.hlspipeline.tools.forms.FormSources;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "configure", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Create or change a channel: its rendition ladder, window size, target duration, filler, "
                    + "program-date-time and ad-marker style. A channel exists from its first configure; the target "
                    + "duration never changes after it.",
            "",
            "Left-out settings take the defaults (window 6, target duration 2 s, program-date-time on, ad markers "
                    + "DATERANGE, no filler)."
        },
        footer = {
            "",
            "Example:",
            "  producer-tools command configure --channel tv1 --target-duration 2 \\",
            "      --rendition 720p:2500000:1280x720:avc1.4d401f,mp4a.40.2:25 \\",
            "      --rendition 480p:1000000:854x480:avc1.4d401e,mp4a.40.2:25 \\",
            "      --filler slate.json --filler-title \"We will be right back\""
        })
final class ConfigureCommand extends ChannelCommandBase {

    @Option(names = "--rendition", required = true, order = 10, converter = LadderRendition.class,
            paramLabel = "<name:bandwidth[:resolution[:codecs[:frame-rate]]]>",
            description = "One rung of the ladder, repeated for each, in the master playlist's order; empty parts "
                    + "are left out (480p:1000000::avc1.4d401e,mp4a.40.2).")
    List<ObjectNode> ladder;

    @Option(names = "--window-size", paramLabel = "<segments>", order = 11,
            description = "Segments in the media playlist, 1 to 1000. Default: 6.")
    Integer windowSize;

    @Option(names = "--target-duration", paramLabel = "<seconds>", order = 12,
            description = "EXT-X-TARGETDURATION, 1 to 60, for the channel's life. Default: 2.")
    Integer targetDuration;

    @Option(names = "--filler", paramLabel = "<asset-file>", order = 13,
            description = "What airs when nothing else is left: an asset descriptor written by `asset import`.")
    String filler;

    @Option(names = "--filler-id", paramLabel = "<id>", order = 14, defaultValue = "filler",
            description = "The filler item's id. Default: ${DEFAULT-VALUE}.")
    String fillerId;

    @Option(names = "--filler-title", paramLabel = "<text>", order = 15, description = "The filler's title.")
    String fillerTitle;

    @Option(names = "--program-date-time", negatable = true, order = 16,
            description = "Write EXT-X-PROGRAM-DATE-TIME (default) or not (--no-program-date-time).")
    Boolean programDateTime;

    @Option(names = "--ad-markers", paramLabel = "<style>", order = 17,
            description = "How AD items are marked: DATERANGE (default), CUE, BOTH or NONE.")
    String adMarkers;

    @Override
    String type() {
        return "configure";
    }

    @Override
    void fill(ObjectNode form, FormSources sources) throws ToolFailure {
        ArrayNode rungs = form.putArray("ladder");
        ladder.forEach(rungs::add);
        if (windowSize != null) {
            form.put("windowSize", windowSize);
        }
        if (targetDuration != null) {
            form.put("targetDuration", targetDuration);
        }
        if (filler != null) {
            Document descriptor = DocumentReader.read(filler, Document.Format.JSON, stdin());
            ObjectNode item = form.putObject("filler");
            item.put("itemId", fillerId);
            item.put("kind", "FILLER");
            if (fillerTitle != null) {
                item.put("title", fillerTitle);
            }
            item.set("vod", descriptor.root());
            sources.add("filler.vod", descriptor, "", "the --filler");
        }
        if (programDateTime != null) {
            form.put("programDateTime", programDateTime);
        }
        if (adMarkers != null) {
            form.put("adMarkers", adMarkers);
        }
    }

    /**
     * {@code 720p:2500000:1280x720:avc1.4d401f,mp4a.40.2:25} as a ladder entry's JSON form. Colons separate the
     * parts because codec lists hold commas and dots but never a colon.
     */
    static final class LadderRendition implements ITypeConverter<ObjectNode> {

        @Override
        public ObjectNode convert(String value) {
            String[] parts = value.split(":", -1);
            if (parts.length < 2 || parts.length > 5 || parts[0].isBlank()) {
                throw new TypeConversionException("'" + value + "' is not name:bandwidth[:resolution[:codecs"
                        + "[:frame-rate]]] (example: 720p:2500000:1280x720:avc1.4d401f,mp4a.40.2:25)");
            }
            ObjectNode rung = NODES.objectNode();
            rung.put("name", parts[0]);
            rung.put("bandwidth", number(parts[1], "bandwidth", value).longValueExact());
            if (parts.length > 2 && !parts[2].isEmpty()) {
                rung.put("resolution", parts[2]);
            }
            if (parts.length > 3 && !parts[3].isEmpty()) {
                rung.put("codecs", parts[3]);
            }
            if (parts.length > 4 && !parts[4].isEmpty()) {
                rung.put("frameRate", number(parts[4], "frame rate", value));
            }
            return rung;
        }

        private static BigDecimal number(String text, String what, String value) {
            try {
                BigDecimal number = new BigDecimal(text.trim());
                if (what.equals("bandwidth")) {
                    number.longValueExact();
                }
                return number;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TypeConversionException("the " + what + " in '" + value + "' is not a"
                        + (what.equals("bandwidth") ? " whole number of bits per second" : " number"));
            }
        }
    }
}
