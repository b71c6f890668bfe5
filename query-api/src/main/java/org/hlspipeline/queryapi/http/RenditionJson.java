package org.hlspipeline.queryapi.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.rules.RenditionForm;

/**
 * A rendition description as the JSON API shows it: the fields of the form that describes it (the same names as
 * {@code PUT /streams/{id}/renditions/{r}} takes), those it has only, so a VIDEO rendition shows no group and an
 * AUDIO one no bandwidth.
 */
public final class RenditionJson {

    private RenditionJson() {
    }

    /** The fields, {@code type} first; a null description gives null. */
    public static Map<String, Object> of(RenditionDescription description) {
        if (description == null) {
            return null;
        }
        RenditionForm f = RenditionForm.of(description);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", f.effectiveType().name());
        put(json, "bandwidth", f.bandwidth());
        put(json, "averageBandwidth", f.averageBandwidth());
        put(json, "resolution", f.resolution());
        put(json, "codecs", f.codecs());
        put(json, "frameRate", f.frameRate());
        put(json, "audio", f.audio());
        put(json, "subtitles", f.subtitles());
        put(json, "iFramesOnly", Boolean.TRUE.equals(f.iFramesOnly()) ? true : null);
        put(json, "groupId", f.groupId());
        put(json, "name", f.name());
        put(json, "language", f.language());
        put(json, "default", f.isDefault());
        put(json, "autoselect", f.autoselect());
        put(json, "forced", f.forced());
        put(json, "channels", f.channels());
        put(json, "characteristics", f.characteristics());
        return json;
    }

    private static void put(Map<String, Object> json, String field, Object value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
