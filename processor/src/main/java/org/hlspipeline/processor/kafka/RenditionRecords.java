package org.hlspipeline.processor.kafka;

import org.apache.avro.generic.GenericRecord;
import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.rules.RenditionForm;

/**
 * Rendition descriptions in and out of the three Avro records that carry them: {@code RenditionInfo} on the
 * stream-events topic, {@code LadderRendition} in channel commands, and {@code RenditionDescriptionState} in the
 * streams store. Their fields have the same names (the EXT-X-MEDIA NAME aside: a ladder entry's {@code name} is the
 * rendition's own, so there it is {@code mediaName}), which lets one mapping by field name serve all three instead
 * of three copies of it.
 */
public final class RenditionRecords {

    /** Where {@code RenditionInfo} and {@code RenditionDescriptionState} keep EXT-X-MEDIA NAME. */
    public static final String NAME = "name";
    /** Where {@code LadderRendition} keeps it. */
    public static final String MEDIA_NAME = "mediaName";

    private RenditionRecords() {
    }

    /** The form in {@code record}, as received: nothing checked yet. */
    public static RenditionForm form(GenericRecord record, String nameField) {
        Object type = record.get("type");
        return new RenditionForm(type == null ? null : RenditionType.valueOf(type.toString()),
                (Long) record.get("bandwidth"), (Long) record.get("averageBandwidth"),
                string(record, "resolution"), string(record, "codecs"), (Double) record.get("frameRate"),
                string(record, "audio"), string(record, "subtitles"), (Boolean) record.get("iFramesOnly"),
                string(record, "groupId"), string(record, nameField), string(record, "language"),
                (Boolean) record.get("default"), (Boolean) record.get("autoselect"), (Boolean) record.get("forced"),
                string(record, "channels"), string(record, "characteristics"));
    }

    /** Writes {@code description} into {@code record}'s description fields and returns the record. */
    public static <R extends GenericRecord> R write(RenditionDescription description, R record, String nameField) {
        RenditionForm f = RenditionForm.of(description);
        record.put("type", org.hlspipeline.schemas.stream.RenditionType.valueOf(f.effectiveType().name()));
        record.put("bandwidth", f.bandwidth());
        record.put("averageBandwidth", f.averageBandwidth());
        record.put("resolution", f.resolution());
        record.put("codecs", f.codecs());
        record.put("frameRate", f.frameRate());
        record.put("audio", f.audio());
        record.put("subtitles", f.subtitles());
        record.put("iFramesOnly", f.iFramesOnly() != null && f.iFramesOnly());
        record.put("groupId", f.groupId());
        record.put(nameField, f.name());
        record.put("language", f.language());
        record.put("default", f.isDefault() != null && f.isDefault());
        record.put("autoselect", f.autoselect() != null && f.autoselect());
        record.put("forced", f.forced() != null && f.forced());
        record.put("channels", f.channels());
        record.put("characteristics", f.characteristics());
        return record;
    }

    private static String string(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }
}
