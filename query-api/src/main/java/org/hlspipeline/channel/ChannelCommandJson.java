package org.hlspipeline.channel;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.hlspipeline.schemas.channel.AdMarkers;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.channel.When;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON forms of DESIGN §9, for {@code POST /channels/{channelId}/commands} and {@code POST /broadcasts},
 * read into the Avro records that go to {@code hls.channel-commands} and {@code hls.broadcasts}.
 *
 * <p>This checks the form: known type, known fields, each of the right kind, required ones present. It turns
 * seconds (decimals) into microseconds (half up) and ISO-8601 instants into {@link Instant}s (to the
 * millisecond, as the contract keeps them). Whether the values are valid (ids, ranges, URIs, ladders) is
 * {@code ChannelCommandRules}' business, which the caller applies next. Every problem here is an
 * {@link InvalidCommandException} whose message names the field.
 *
 * <p>Defaults: a generated command id, {@code effectiveAt} null (the time the command is received), position
 * END, when NOW, resume RESUME, priority 10 for an interrupt and 100 for an alert, after RESUME, an item's kind
 * PROGRAM, loop and continuousTimestamps false, startNumber 0, and an alert's {@code startAt} the time it is
 * received. A configure's left-out fields stay null in the record, which means the defaults (window 6, target
 * duration 2 s, program-date-time on, ad markers DATERANGE, no filler) — or, for a re-configure, keeps the
 * target duration.
 */
public final class ChannelCommandJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final List<String> COMMAND_TYPES =
            List.of("configure", "enqueue", "replace", "interrupt", "skip", "remove", "end");
    private static final List<String> BROADCAST_TYPES = List.of("alert", "cancel-alert");
    private static final Set<String> COMMON_FIELDS = Set.of("type", "commandId", "channelId", "effectiveAt");

    public static final int DEFAULT_INTERRUPT_PRIORITY = 10;
    public static final int DEFAULT_ALERT_PRIORITY = 100;

    private ChannelCommandJson() {
    }

    // --- channel commands ---

    /** A command for the channel of the path, with a random UUID as command id when the body gives none. */
    public static ChannelCommand parseCommand(String channelId, JsonNode body) {
        return parseCommand(channelId, body, () -> UUID.randomUUID().toString());
    }

    public static ChannelCommand parseCommand(String channelId, String body) {
        return parseCommand(channelId, tree(body));
    }

    /** @param newCommandId gives the command id when the body has none */
    public static ChannelCommand parseCommand(String channelId, JsonNode body, Supplier<String> newCommandId) {
        Obj json = Obj.root(body);
        String type = type(json, COMMAND_TYPES);
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
                yield new Enqueue(items(json, "items"), json.enumValue("position", Position.class, Position.END));
            }
            case "replace" -> {
                json.only("items", "when");
                yield new Replace(items(json, "items"), json.enumValue("when", When.class, When.NOW));
            }
            case "interrupt" -> {
                json.only("items", "priority", "resume");
                Integer priority = json.integer("priority", false);
                yield new Interrupt(items(json, "items"), priority == null ? DEFAULT_INTERRUPT_PRIORITY : priority,
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

    private static ConfigureChannel configure(Obj json) {
        json.only("ladder", "windowSize", "targetDuration", "filler", "programDateTime", "adMarkers");
        List<LadderRendition> ladder = json.array("ladder", true, Element.object(ChannelCommandJson::ladderRendition));
        Obj filler = json.object("filler", false);
        return new ConfigureChannel(ladder, json.integer("windowSize", false),
                json.integer("targetDuration", false), filler == null ? null : item(filler),
                json.bool("programDateTime", false), json.enumValue("adMarkers", AdMarkers.class, null));
    }

    private static LadderRendition ladderRendition(Obj json) {
        json.only("name", "bandwidth", "averageBandwidth", "resolution", "codecs", "frameRate");
        return new LadderRendition(json.string("name", true), json.longValue("bandwidth", true),
                json.longValue("averageBandwidth", false), json.string("resolution", false),
                json.string("codecs", false), json.decimal("frameRate", false));
    }

    // --- broadcasts ---

    /** A broadcast received now. */
    public static Broadcast parseBroadcast(JsonNode body) {
        return parseBroadcast(body, Instant.now());
    }

    public static Broadcast parseBroadcast(String body) {
        return parseBroadcast(tree(body));
    }

    /** @param receivedAt an alert's start when it gives no {@code startAt} */
    public static Broadcast parseBroadcast(JsonNode body, Instant receivedAt) {
        Obj json = Obj.root(body);
        String type = type(json, BROADCAST_TYPES);
        String alertId = json.string("alertId", true);
        if (type.equals("cancel-alert")) {
            json.onlyOf(Set.of("type", "alertId"));
            return new Broadcast(alertId, new CancelAlert());
        }
        json.onlyOf(Set.of("type", "alertId", "channels", "priority", "startAt", "duration", "items", "after"));
        List<String> channels = json.array("channels", true, Element.string());
        Integer priority = json.integer("priority", false);
        Instant startAt = json.instant("startAt", false);
        Alert alert = new Alert(channels, priority == null ? DEFAULT_ALERT_PRIORITY : priority,
                startAt != null ? startAt : receivedAt.truncatedTo(ChronoUnit.MILLIS), json.seconds("duration", true),
                items(json, "items"), json.enumValue("after", AfterAlert.class, AfterAlert.RESUME));
        return new Broadcast(alertId, alert);
    }

    // --- items ---

    private static List<Item> items(Obj json, String field) {
        return json.array(field, true, Element.object(ChannelCommandJson::item));
    }

    private static Item item(Obj json) {
        json.only("itemId", "kind", "title", "loop", "continuousTimestamps", "vod", "live", "in", "out");
        String itemId = json.string("itemId", true);
        Obj vod = json.object("vod", false);
        Obj live = json.object("live", false);
        if (vod != null && live != null) {
            throw new InvalidCommandException(json.path, json.where() + "gives both vod and live; give one");
        }
        if (vod == null && live == null) {
            throw new InvalidCommandException(json.path, json.where() + "needs a vod or a live source");
        }
        Object source = vod != null ? vod(vod) : live(live);
        Boolean loop = json.bool("loop", false);
        Boolean continuous = json.bool("continuousTimestamps", false);
        return new Item(itemId, json.enumValue("kind", ItemKind.class, ItemKind.PROGRAM), json.string("title", false),
                source, json.integer("in", false), json.integer("out", false), loop != null && loop,
                continuous != null && continuous);
    }

    private static VodSource vod(Obj json) {
        json.only("renditions", "segmentCount", "segmentDuration", "durations", "startNumber");
        Obj renditions = json.object("renditions", true);
        Map<String, RenditionSource> sources = new LinkedHashMap<>();
        for (String name : renditions.names()) {
            Obj rendition = renditions.object(name, true);
            rendition.only("uriTemplate", "uris");
            List<String> uris = rendition.array("uris", false, Element.string());
            sources.put(name, new RenditionSource(rendition.string("uriTemplate", false),
                    uris == null ? new ArrayList<>() : uris));
        }
        List<Long> durations = json.array("durations", false, Element.seconds());
        Long startNumber = json.longValue("startNumber", false);
        return new VodSource(sources, json.integer("segmentCount", true), json.seconds("segmentDuration", false),
                durations == null ? new ArrayList<>() : durations, startNumber == null ? 0L : startNumber);
    }

    private static LiveSource live(Obj json) {
        json.only("streamId", "maxDuration");
        return new LiveSource(json.string("streamId", true), json.seconds("maxDuration", false));
    }

    // --- reading ---

    private static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new InvalidCommandException("", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String type(Obj json, List<String> types) {
        String type = json.string("type", false);
        if (type == null) {
            throw new InvalidCommandException("type", "type is required: one of " + String.join(", ", types));
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (!types.contains(lower)) {
            throw new InvalidCommandException("type", "type '" + type + "' is not one of " + String.join(", ", types));
        }
        return lower;
    }

    /** A JSON object at a path, read field by field; every read names the field's path when it fails. */
    private static final class Obj {

        private final JsonNode node;
        private final String path;

        private Obj(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        static Obj root(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw new InvalidCommandException("", "the body must be a JSON object");
            }
            return new Obj(body, "");
        }

        /** {@code items[0] } for messages about this object itself. */
        String where() {
            return path.isEmpty() ? "" : path + " ";
        }

        private String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        List<String> names() {
            return new ArrayList<>(node.propertyNames());
        }

        /** Refuses fields other than the common ones (at the top) and these. */
        void only(String... fields) {
            Set<String> allowed = new java.util.HashSet<>(Arrays.asList(fields));
            if (path.isEmpty()) {
                allowed.addAll(COMMON_FIELDS);
            }
            onlyOf(allowed);
        }

        void onlyOf(Set<String> allowed) {
            for (String name : node.propertyNames()) {
                if (!allowed.contains(name)) {
                    throw new InvalidCommandException(at(name), at(name) + " is not a known field; known here: "
                            + allowed.stream().sorted().collect(Collectors.joining(", ")));
                }
            }
        }

        /** The field's value, or null when it is absent or JSON null; required fields must be present. */
        private JsonNode value(String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    throw new InvalidCommandException(at(field), at(field) + " is required");
                }
                return null;
            }
            return value;
        }

        String string(String field, boolean required) {
            JsonNode value = value(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isString()) {
                throw new InvalidCommandException(at(field), at(field) + " must be a string");
            }
            return value.stringValue();
        }

        Boolean bool(String field, boolean required) {
            JsonNode value = value(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isBoolean()) {
                throw new InvalidCommandException(at(field), at(field) + " must be true or false");
            }
            return value.booleanValue();
        }

        Integer integer(String field, boolean required) {
            Long value = longValue(field, required);
            if (value == null) {
                return null;
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidCommandException(at(field), at(field) + " is out of range");
            }
            return value.intValue();
        }

        Long longValue(String field, boolean required) {
            JsonNode value = value(field, required);
            return value == null ? null : longOf(value, at(field));
        }

        Double decimal(String field, boolean required) {
            JsonNode value = value(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isNumber()) {
                throw new InvalidCommandException(at(field), at(field) + " must be a number");
            }
            return value.doubleValue();
        }

        /** Seconds (a decimal) as microseconds, rounded half up. */
        Long seconds(String field, boolean required) {
            JsonNode value = value(field, required);
            return value == null ? null : microsOf(value, at(field));
        }

        Instant instant(String field, boolean required) {
            JsonNode value = value(field, required);
            if (value == null) {
                return null;
            }
            String message = at(field) + " must be an ISO-8601 instant such as 2026-11-21T20:00:00Z";
            if (!value.isString()) {
                throw new InvalidCommandException(at(field), message);
            }
            try {
                return Instant.parse(value.stringValue()).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException e) {
                throw new InvalidCommandException(at(field), message);
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
            JsonNode value = value(field, false);
            if (value == null) {
                return fallback;
            }
            E[] constants = type.getEnumConstants();
            String names = Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
            if (value.isString()) {
                for (E constant : constants) {
                    if (constant.name().equalsIgnoreCase(value.stringValue())) {
                        return constant;
                    }
                }
            }
            throw new InvalidCommandException(at(field), at(field) + " must be one of " + names);
        }

        Obj object(String field, boolean required) {
            JsonNode value = value(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isObject()) {
                throw new InvalidCommandException(at(field), at(field) + " must be an object");
            }
            return new Obj(value, at(field));
        }

        /** An array, each element read by {@code element} with its path ({@code items[2]}). */
        <T> List<T> array(String field, boolean required, Element<T> element) {
            JsonNode value = value(field, required);
            if (value == null) {
                return null;
            }
            if (!value.isArray()) {
                throw new InvalidCommandException(at(field), at(field) + " must be an array");
            }
            List<T> list = new ArrayList<>(value.size());
            for (int i = 0; i < value.size(); i++) {
                list.add(element.read(value.get(i), at(field) + "[" + i + "]"));
            }
            return list;
        }

        private static long longOf(JsonNode value, String path) {
            if (!value.isNumber()) {
                throw new InvalidCommandException(path, path + " must be an integer");
            }
            try {
                return value.decimalValue().longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidCommandException(path, path + " must be an integer");
            }
        }

        static long microsOf(JsonNode value, String path) {
            if (value == null || !value.isNumber()) {
                throw new InvalidCommandException(path, path + " must be a number of seconds");
            }
            try {
                return value.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidCommandException(path, path + " is out of range");
            }
        }
    }

    /** Reads one element of an array. */
    @FunctionalInterface
    private interface Element<T> {

        T read(JsonNode element, String path);

        static <T> Element<T> object(Function<Obj, T> read) {
            return (element, path) -> {
                if (element == null || !element.isObject()) {
                    throw new InvalidCommandException(path, path + " must be an object");
                }
                return read.apply(new Obj(element, path));
            };
        }

        static Element<String> string() {
            return (element, path) -> {
                if (element == null || !element.isString()) {
                    throw new InvalidCommandException(path, path + " must be a string");
                }
                return element.stringValue();
            };
        }

        static Element<Long> seconds() {
            return Obj::microsOf;
        }
    }
}
