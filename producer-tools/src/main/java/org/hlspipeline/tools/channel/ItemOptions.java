package org.hlspipeline.tools.channel;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.forms.Document;
import org.hlspipeline.tools.forms.DocumentReader;
import org.hlspipeline.tools.forms.FormSources;
import org.hlspipeline.tools.forms.JsonPaths;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import picocli.CommandLine.Option;

/**
 * One item of a queue command or an alert, from flags: {@code --item ep1 --title "Episode 1" --asset ep1.json}.
 * Repeated for each item ({@code --item} starts the next). The VOD source is the asset descriptor that
 * {@code asset import} writes, which is exactly the item's {@code "vod"} object.
 */
public final class ItemOptions {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Option(names = "--item", required = true, paramLabel = "<id>", order = 40,
            description = "Item id: [A-Za-z0-9][A-Za-z0-9._-]{0,127}. Each --item starts the next item.")
    String itemId;

    @Option(names = "--kind", paramLabel = "<kind>", order = 41,
            description = "PROGRAM (default), AD, BUMPER, PROMO, FILLER or ALERT.")
    String kind;

    @Option(names = "--title", paramLabel = "<text>", order = 42, description = "Title, for the EPG and the as-run.")
    String title;

    @Option(names = "--asset", paramLabel = "<file>", order = 43,
            description = "The VOD asset: a descriptor file written by `asset import` (or - for stdin).")
    String asset;

    @Option(names = "--live", paramLabel = "<stream-id>", order = 44,
            description = "Relay this live stream instead of a VOD asset.")
    String live;

    @Option(names = "--max-duration", paramLabel = "<seconds>", order = 45,
            description = "With --live: move on after this long even if the stream goes on.")
    BigDecimal maxDuration;

    @Option(names = "--in", paramLabel = "<n>", order = 46,
            description = "First segment of the asset to air (an index, from 0).")
    Integer in;

    @Option(names = "--out", paramLabel = "<n>", order = 47,
            description = "Segment index where airing stops (exclusive).")
    Integer out;

    @Option(names = "--loop", order = 48, description = "Repeat until skipped, replaced or interrupted.")
    boolean loop;

    @Option(names = "--continuous-timestamps", order = 49,
            description = "The asset's timestamps run on across a loop, so a wrap needs no discontinuity.")
    boolean continuousTimestamps;

    /** The items' JSON forms, in order, at {@code formPath} (an {@code "items"} array) of the command's form. */
    public static ArrayNode forms(List<ItemOptions> items, String formPath, FormSources sources,
                                  InputStream stdin) throws ToolFailure {
        ArrayNode array = NODES.arrayNode();
        for (ItemOptions item : items) {
            array.add(item.form(JsonPaths.element(formPath, array.size()), sources, stdin));
        }
        return array;
    }

    private ObjectNode form(String formPath, FormSources sources, InputStream stdin) throws ToolFailure {
        if ((asset == null) == (live == null)) {
            throw ToolFailure.usage("item " + itemId + ": give either --asset <file> or --live <stream-id>");
        }
        if (maxDuration != null && live == null) {
            throw ToolFailure.usage("item " + itemId + ": --max-duration is for a --live item");
        }
        ObjectNode form = NODES.objectNode();
        form.put("itemId", itemId);
        if (kind != null) {
            form.put("kind", kind);
        }
        if (title != null) {
            form.put("title", title);
        }
        if (loop) {
            form.put("loop", true);
        }
        if (continuousTimestamps) {
            form.put("continuousTimestamps", true);
        }
        if (asset != null) {
            Document descriptor = DocumentReader.read(asset, Document.Format.JSON, stdin);
            form.set("vod", descriptor.root());
            sources.add(JsonPaths.field(formPath, "vod"), descriptor, "", "the --asset of item " + itemId);
        } else {
            ObjectNode source = form.putObject("live");
            source.put("streamId", live);
            if (maxDuration != null) {
                source.put("maxDuration", maxDuration);
            }
        }
        if (in != null) {
            form.put("in", in);
        }
        if (out != null) {
            form.put("out", out);
        }
        return form;
    }
}
