package org.hlspipeline.queryapi.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON forms of channel commands (see docs/architecture.md, Command forms and producer-tools) for HTTP tests: a
 * two-rendition ladder (720p, 480p) of 1 s segments, with assets at
 * {@code https://cdn.example/<item>/<rendition>/seg<n>.ts}.
 */
public final class ChannelForms {

    private ChannelForms() {
    }

    /** A VOD item of {@code count} 1 s segments in both renditions. */
    public static Map<String, Object> vod(String itemId, String kind, String title, int count) {
        Map<String, Object> renditions = new LinkedHashMap<>();
        for (String r : List.of("720p", "480p")) {
            renditions.put(r, Map.of("uriTemplate", "https://cdn.example/" + itemId + "/" + r + "/seg{n}.ts"));
        }
        Map<String, Object> vod = new LinkedHashMap<>();
        vod.put("renditions", renditions);
        vod.put("segmentCount", count);
        vod.put("segmentDuration", 1.0);
        return item(itemId, kind, title, vod);
    }

    /** An item whose {@code vod} object is given, as {@code producer-tools asset import} writes it. */
    public static Map<String, Object> item(String itemId, String kind, String title, Map<String, Object> vod) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("itemId", itemId);
        item.put("kind", kind);
        item.put("title", title);
        item.put("vod", vod);
        return item;
    }

    /** The two-rendition ladder, a 1 s target duration, and {@code filler} unless it is null. */
    public static Map<String, Object> configure(Map<String, Object> filler) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "configure");
        body.put("ladder", List.of(
                Map.of("name", "720p", "bandwidth", 2_500_000, "resolution", "1280x720",
                        "codecs", "avc1.4d401f,mp4a.40.2", "frameRate", 25),
                Map.of("name", "480p", "bandwidth", 1_000_000, "resolution", "854x480",
                        "codecs", "avc1.4d401e,mp4a.40.2", "frameRate", 25)));
        body.put("targetDuration", 1);
        if (filler != null) {
            body.put("filler", filler);
        }
        return body;
    }

    @SafeVarargs
    public static Map<String, Object> enqueue(Map<String, Object>... items) {
        return Map.of("type", "enqueue", "items", List.of(items));
    }
}
