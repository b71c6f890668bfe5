package org.hlspipeline.schemas.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;

/**
 * The JSON form of an item and its source (vod or live), shared by the queue commands, a configure's filler and
 * an alert. Defaults: kind PROGRAM, loop and continuousTimestamps false, startNumber 0. A rendition's
 * {@code map}, {@code byteRanges} and {@code key} have a segment's forms ({@link SegmentMediaJson}).
 */
final class ItemJson {

    private ItemJson() {
    }

    /** The required array {@code field} of items. */
    static List<Item> items(JsonFields json, String field) {
        return json.array(field, true, JsonFields.Element.object(ItemJson::item));
    }

    static Item item(JsonFields json) {
        json.only("itemId", "kind", "title", "loop", "continuousTimestamps", "vod", "live", "in", "out");
        String itemId = json.string("itemId", true);
        JsonFields vod = json.object("vod", false);
        JsonFields live = json.object("live", false);
        if (vod != null && live != null) {
            throw new InvalidCommandException(json.path(), json.where() + "gives both vod and live; give one");
        }
        if (vod == null && live == null) {
            throw new InvalidCommandException(json.path(), json.where() + "needs a vod or a live source");
        }
        Object source = vod != null ? vod(vod) : live(live);
        Boolean loop = json.bool("loop", false);
        Boolean continuous = json.bool("continuousTimestamps", false);
        return new Item(itemId, json.enumValue("kind", ItemKind.class, ItemKind.PROGRAM), json.string("title", false),
                source, json.integer("in", false), json.integer("out", false), loop != null && loop,
                continuous != null && continuous);
    }

    private static VodSource vod(JsonFields json) {
        json.only("renditions", "segmentCount", "segmentDuration", "durations", "startNumber");
        JsonFields renditions = json.object("renditions", true);
        Map<String, RenditionSource> sources = new LinkedHashMap<>();
        for (String name : renditions.names()) {
            JsonFields rendition = renditions.object(name, true);
            rendition.only("uriTemplate", "uris", "map", "byteRanges", "key");
            List<String> uris = rendition.array("uris", false, JsonFields.Element.string());
            sources.put(name, RenditionSource.newBuilder().setUriTemplate(rendition.string("uriTemplate", false))
                    .setUris(uris == null ? new ArrayList<>() : uris).setMap(SegmentMediaJson.map(rendition))
                    .setByteRanges(SegmentMediaJson.byteRanges(rendition, "byteRanges"))
                    .setKey(SegmentMediaJson.key(rendition)).build());
        }
        List<Long> durations = json.array("durations", false, JsonFields.Element.seconds());
        Long startNumber = json.longValue("startNumber", false);
        return new VodSource(sources, json.integer("segmentCount", true), json.seconds("segmentDuration", false),
                durations == null ? new ArrayList<>() : durations, startNumber == null ? 0L : startNumber);
    }

    private static LiveSource live(JsonFields json) {
        json.only("streamId", "maxDuration");
        return new LiveSource(json.string("streamId", true), json.seconds("maxDuration", false));
    }
}
