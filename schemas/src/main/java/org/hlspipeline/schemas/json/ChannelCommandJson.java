package org.hlspipeline.schemas.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.hlspipeline.schemas.channel.AdMarkers;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.stream.RenditionType;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.When;

import tools.jackson.databind.JsonNode;

/**
 * The JSON forms of channel commands and broadcasts, read into the Avro records that go to
 * {@code hls.channel-commands} and {@code hls.broadcasts}: the bodies of {@code POST /channels/{channelId}/commands}
 * and {@code POST /broadcasts}, and the files {@code producer-tools} reads. They live beside the schemas so that
 * every writer accepts exactly the same forms; {@link JsonFormWriter} writes them back.
 *
 * <p>This checks the form only (known type, known fields, each of the right JSON kind, required ones present) and
 * fills in the defaults; whether the values are valid is the input rules' business, which the caller applies next
 * on the record (see docs/input-rules.md, JSON forms). Items are read by {@link ItemJson}, broadcasts by
 * {@link BroadcastJson}.
 */
public final class ChannelCommandJson {

    private static final List<String> COMMAND_TYPES =
            List.of("configure", "enqueue", "replace", "interrupt", "skip", "remove", "end");
    private static final Set<String> COMMON_FIELDS = Set.of("type", "commandId", "channelId", "effectiveAt");

    public static final int DEFAULT_INTERRUPT_PRIORITY = 10;
    public static final int DEFAULT_ALERT_PRIORITY = BroadcastJson.DEFAULT_ALERT_PRIORITY;

    private ChannelCommandJson() {
    }

    // --- channel commands ---

    /** A command for the channel of the path, with a random UUID as command id when the body gives none. */
    public static ChannelCommand parseCommand(String channelId, JsonNode body) {
        return parseCommand(channelId, body, () -> UUID.randomUUID().toString());
    }

    public static ChannelCommand parseCommand(String channelId, String body) {
        return parseCommand(channelId, JsonFields.tree(body));
    }

    /** @param newCommandId gives the command id when the body has none */
    public static ChannelCommand parseCommand(String channelId, JsonNode body, Supplier<String> newCommandId) {
        JsonFields json = JsonFields.root(body, COMMON_FIELDS);
        String type = json.type(COMMAND_TYPES);
        String bodyChannel = json.string("channelId", false);
        if (bodyChannel != null && !bodyChannel.equals(channelId)) {
            throw new InvalidCommandException("channelId", "channelId in the body ('" + bodyChannel
                    + "') differs from the path's ('" + channelId + "'); leave it out");
        }
        String commandId = json.string("commandId", false);
        Instant effectiveAt = json.instant("effectiveAt", false);
        Object payload = switch (type) {
            case "configure" -> configure(json);
            case "enqueue" -> {
                json.only("items", "position");
                yield new Enqueue(ItemJson.items(json, "items"),
                        json.enumValue("position", Position.class, Position.END));
            }
            case "replace" -> {
                json.only("items", "when");
                yield new Replace(ItemJson.items(json, "items"), json.enumValue("when", When.class, When.NOW));
            }
            case "interrupt" -> {
                json.only("items", "priority", "resume");
                Integer priority = json.integer("priority", false);
                yield new Interrupt(ItemJson.items(json, "items"),
                        priority == null ? DEFAULT_INTERRUPT_PRIORITY : priority,
                        json.enumValue("resume", ResumePolicy.class, ResumePolicy.RESUME));
            }
            case "skip" -> {
                json.only();
                yield new Skip();
            }
            case "remove" -> {
                json.only("itemId");
                yield new RemoveItem(json.string("itemId", true));
            }
            case "end" -> {
                json.only("when");
                yield new EndChannel(json.enumValue("when", When.class, When.NOW));
            }
            default -> throw new IllegalStateException(type);
        };
        return new ChannelCommand(channelId, commandId != null ? commandId : newCommandId.get(), effectiveAt,
                payload);
    }

    private static ConfigureChannel configure(JsonFields json) {
        json.only("ladder", "windowSize", "targetDuration", "filler", "programDateTime", "adMarkers");
        List<LadderRendition> ladder = json.array("ladder", true,
                JsonFields.Element.object(ChannelCommandJson::ladderRendition));
        JsonFields filler = json.object("filler", false);
        return new ConfigureChannel(ladder, json.integer("windowSize", false),
                json.integer("targetDuration", false), filler == null ? null : ItemJson.item(filler),
                json.bool("programDateTime", false), json.enumValue("adMarkers", AdMarkers.class, null));
    }

    /** The text fields of a ladder entry, named as in the Avro record (and in a stream's rendition form). */
    private static final List<String> LADDER_TEXT = List.of("resolution", "codecs", "audio", "subtitles", "groupId",
            "mediaName", "language", "channels", "characteristics");
    /** Its YES/NO fields, false when absent. */
    private static final List<String> LADDER_FLAGS = List.of("iFramesOnly", "default", "autoselect", "forced");

    private static LadderRendition ladderRendition(JsonFields json) {
        List<String> fields = new ArrayList<>(List.of("name", "type", "bandwidth", "averageBandwidth", "frameRate"));
        fields.addAll(LADDER_TEXT);
        fields.addAll(LADDER_FLAGS);
        json.only(fields.toArray(String[]::new));
        // Which fields a type takes is a rule of the processor's (RenditionForm), checked with the rest.
        LadderRendition rendition = LadderRendition.newBuilder().setName(json.string("name", true))
                .setType(json.enumValue("type", RenditionType.class, RenditionType.VIDEO))
                .setBandwidth(json.longValue("bandwidth", false))
                .setAverageBandwidth(json.longValue("averageBandwidth", false))
                .setFrameRate(json.decimal("frameRate", false)).build();
        for (String field : LADDER_TEXT) {
            rendition.put(field, json.string(field, false));
        }
        for (String field : LADDER_FLAGS) {
            rendition.put(field, Boolean.TRUE.equals(json.bool(field, false)));
        }
        return rendition;
    }

    // --- broadcasts ---

    /** A broadcast received now. */
    public static Broadcast parseBroadcast(JsonNode body) {
        return parseBroadcast(body, Instant.now());
    }

    public static Broadcast parseBroadcast(String body) {
        return parseBroadcast(JsonFields.tree(body));
    }

    /** @param receivedAt an alert's start when it gives no {@code startAt} */
    public static Broadcast parseBroadcast(JsonNode body, Instant receivedAt) {
        return BroadcastJson.parse(body, receivedAt);
    }
}
