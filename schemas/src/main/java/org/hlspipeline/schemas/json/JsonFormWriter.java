package org.hlspipeline.schemas.json;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.stream.RenditionType;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.VodSource;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes channel commands and broadcasts in their JSON forms (docs/input-rules.md, JSON forms): the inverse of
 * {@link ChannelCommandJson}, so that what a tool shows (a dry run, say) can be read back into the very same
 * records. Every value the record holds is written, defaults included (priority, position, resume...), except
 * what the record leaves null (a configure's defaults, a title) and an item's false flags and start number 0.
 * Durations are written as exact decimal seconds, instants to the millisecond.
 */
public final class JsonFormWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFormWriter() {
    }

    /** The command's JSON form, with its {@code channelId}, {@code commandId} and, if set, {@code effectiveAt}. */
    public static ObjectNode command(ChannelCommand command) {
        ObjectNode form = NODES.objectNode();
        Object payload = command.getPayload();
        form.put("type", commandType(payload));
        form.put("channelId", command.getChannelId());
        form.put("commandId", command.getCommandId());
        if (command.getEffectiveAt() != null) {
            form.put("effectiveAt", command.getEffectiveAt().toString());
        }
        if (payload instanceof ConfigureChannel configure) {
            configure(form, configure);
        } else if (payload instanceof Enqueue enqueue) {
            form.set("items", items(enqueue.getItems()));
            form.put("position", enqueue.getPosition().name());
        } else if (payload instanceof Replace replace) {
            form.set("items", items(replace.getItems()));
            form.put("when", replace.getWhen().name());
        } else if (payload instanceof Interrupt interrupt) {
            form.set("items", items(interrupt.getItems()));
            form.put("priority", interrupt.getPriority());
            form.put("resume", interrupt.getResume().name());
        } else if (payload instanceof RemoveItem remove) {
            form.put("itemId", remove.getItemId());
        } else if (payload instanceof EndChannel end) {
            form.put("when", end.getWhen().name());
        }
        return form;
    }

    /** The broadcast's JSON form: an alert with every field, or a cancellation. */
    public static ObjectNode broadcast(Broadcast broadcast) {
        ObjectNode form = NODES.objectNode();
        if (!(broadcast.getPayload() instanceof Alert alert)) {
            form.put("type", "cancel-alert");
            form.put("alertId", broadcast.getAlertId());
            return form;
        }
        form.put("type", "alert");
        form.put("alertId", broadcast.getAlertId());
        ArrayNode channels = form.putArray("channels");
        alert.getChannels().forEach(channels::add);
        form.put("priority", alert.getPriority());
        form.put("startAt", alert.getStartAt().toString());
        form.put("duration", seconds(alert.getDurationMicros()));
        form.set("items", items(alert.getItems()));
        form.put("after", alert.getAfter().name());
        return form;
    }

    /** An item's JSON form. */
    public static ObjectNode item(Item item) {
        ObjectNode form = NODES.objectNode();
        form.put("itemId", item.getItemId());
        form.put("kind", item.getKind().name());
        if (item.getTitle() != null) {
            form.put("title", item.getTitle());
        }
        if (item.getLoop()) {
            form.put("loop", true);
        }
        if (item.getContinuousTimestamps()) {
            form.put("continuousTimestamps", true);
        }
        if (item.getSource() instanceof VodSource vod) {
            form.set("vod", vod(vod));
        } else if (item.getSource() instanceof LiveSource live) {
            ObjectNode source = form.putObject("live");
            source.put("streamId", live.getStreamId());
            if (live.getMaxDurationMicros() != null) {
                source.put("maxDuration", seconds(live.getMaxDurationMicros()));
            }
        }
        if (item.getInPoint() != null) {
            form.put("in", item.getInPoint());
        }
        if (item.getOutPoint() != null) {
            form.put("out", item.getOutPoint());
        }
        return form;
    }

    /** The JSON form's {@code type} of a {@link ChannelCommand}'s payload. */
    public static String commandType(Object payload) {
        if (payload instanceof ConfigureChannel) {
            return "configure";
        }
        if (payload instanceof Enqueue) {
            return "enqueue";
        }
        if (payload instanceof Replace) {
            return "replace";
        }
        if (payload instanceof Interrupt) {
            return "interrupt";
        }
        if (payload instanceof Skip) {
            return "skip";
        }
        if (payload instanceof RemoveItem) {
            return "remove";
        }
        if (payload instanceof EndChannel) {
            return "end";
        }
        return payload == null ? "unknown" : payload.getClass().getSimpleName();
    }

    private static void configure(ObjectNode form, ConfigureChannel configure) {
        ArrayNode ladder = form.putArray("ladder");
        for (LadderRendition rendition : configure.getLadder()) {
            ObjectNode entry = ladder.addObject();
            // The form's fields are the record's: write each one that says something (VIDEO and false go unsaid).
            for (org.apache.avro.Schema.Field field : rendition.getSchema().getFields()) {
                Object value = rendition.get(field.pos());
                if (value == null || Boolean.FALSE.equals(value) || RenditionType.VIDEO.equals(value)) {
                    continue;
                }
                if (value instanceof Long l) {
                    entry.put(field.name(), l);
                } else if (value instanceof Double d) {
                    entry.put(field.name(), d);
                } else if (value instanceof Boolean b) {
                    entry.put(field.name(), b);
                } else {
                    entry.put(field.name(), value.toString());
                }
            }
        }
        if (configure.getWindowSize() != null) {
            form.put("windowSize", configure.getWindowSize());
        }
        if (configure.getTargetDurationSeconds() != null) {
            form.put("targetDuration", configure.getTargetDurationSeconds());
        }
        if (configure.getFiller() != null) {
            form.set("filler", item(configure.getFiller()));
        }
        if (configure.getProgramDateTime() != null) {
            form.put("programDateTime", configure.getProgramDateTime());
        }
        if (configure.getAdMarkers() != null) {
            form.put("adMarkers", configure.getAdMarkers().name());
        }
    }

    private static ArrayNode items(List<Item> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(item(item)));
        return array;
    }

    private static ObjectNode vod(VodSource vod) {
        ObjectNode form = NODES.objectNode();
        ObjectNode renditions = form.putObject("renditions");
        for (Map.Entry<String, RenditionSource> entry : vod.getRenditions().entrySet()) {
            ObjectNode source = renditions.putObject(entry.getKey());
            if (entry.getValue().getUriTemplate() != null) {
                source.put("uriTemplate", entry.getValue().getUriTemplate());
            }
            RenditionSource rendition = entry.getValue();
            if (!rendition.getUris().isEmpty()) {
                ArrayNode uris = source.putArray("uris");
                rendition.getUris().forEach(uris::add);
            }
            if (rendition.getMap() != null) {
                source.set("map", SegmentMediaJson.mapForm(rendition.getMap()));
            }
            if (!rendition.getByteRanges().isEmpty()) {
                ArrayNode ranges = source.putArray("byteRanges");
                rendition.getByteRanges().forEach(range -> ranges.add(SegmentMediaJson.text(range)));
            }
            if (rendition.getKey() != null) {
                source.set("key", SegmentMediaJson.keyForm(rendition.getKey()));
            }
        }
        form.put("segmentCount", vod.getSegmentCount());
        if (vod.getSegmentDurationMicros() != null) {
            form.put("segmentDuration", seconds(vod.getSegmentDurationMicros()));
        }
        if (!vod.getDurationsMicros().isEmpty()) {
            ArrayNode durations = form.putArray("durations");
            vod.getDurationsMicros().forEach(micros -> durations.add(seconds(micros)));
        }
        if (vod.getStartNumber() != 0) {
            form.put("startNumber", vod.getStartNumber());
        }
        return form;
    }

    /** Whole microseconds as the exact decimal seconds that read back to them. */
    private static BigDecimal seconds(long micros) {
        BigDecimal seconds = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        // 30, not 3E+1: the same number, as a person would write it.
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }
}
