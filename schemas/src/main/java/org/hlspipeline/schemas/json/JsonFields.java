package org.hlspipeline.schemas.json;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON object at a path, read field by field into typed values; every read names the field's path
 * ({@code items[0].vod.segmentCount}) in the {@link InvalidCommandException} it throws when it fails. Public so
 * that documents wrapping these forms (producer-tools' schedule files) read their own fields the same way.
 */
public final class JsonFields {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JsonNode node;
    private final String path;
    /** Fields every body allows at the top, besides those {@link #only} names; empty below the top. */
    private final Set<String> commonFields;

    private JsonFields(JsonNode node, String path, Set<String> commonFields) {
        this.node = node;
        this.path = path;
        this.commonFields = commonFields;
    }

    /** Parses a request body into a tree. */
    public static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new InvalidCommandException("", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** @param commonFields the fields {@link #only} allows at the top besides the ones it names */
    public static JsonFields root(JsonNode body, Set<String> commonFields) {
        if (body == null || !body.isObject()) {
            throw new InvalidCommandException("", "the body must be a JSON object");
        }
        return new JsonFields(body, "", commonFields);
    }

    private static JsonFields nested(JsonNode node, String path) {
        return new JsonFields(node, path, Set.of());
    }

    /** The object {@code node} found at {@code path} of a larger document, for messages that name that path. */
    public static JsonFields of(JsonNode node, String path) {
        return objectOf(node, path);
    }

    /** The path of this object, {@code ""} at the top. */
    public String path() {
        return path;
    }

    /** {@code items[0] } for messages about this object itself. */
    public String where() {
        return path.isEmpty() ? "" : path + " ";
    }

    private String at(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public List<String> names() {
        return new ArrayList<>(node.propertyNames());
    }

    /** The body's {@code type}, required and one of {@code types} (in any case), in lower case. */
    public String type(List<String> types) {
        String type = string("type", false);
        if (type == null) {
            throw new InvalidCommandException("type", "type is required: one of " + String.join(", ", types));
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (!types.contains(lower)) {
            throw new InvalidCommandException("type", "type '" + type + "' is not one of " + String.join(", ", types));
        }
        return lower;
    }

    /** Refuses fields other than the common ones (at the top) and these. */
    public void only(String... fields) {
        Set<String> allowed = new HashSet<>(Arrays.asList(fields));
        if (path.isEmpty()) {
            allowed.addAll(commonFields);
        }
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

    public String string(String field, boolean required) {
        JsonNode value = value(field, required);
        return value == null ? null : stringOf(value, at(field));
    }

    public Boolean bool(String field, boolean required) {
        JsonNode value = value(field, required);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidCommandException(at(field), at(field) + " must be true or false");
        }
        return value.booleanValue();
    }

    public Integer integer(String field, boolean required) {
        Long value = longValue(field, required);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidCommandException(at(field), at(field) + " is out of range");
        }
        return value.intValue();
    }

    public Long longValue(String field, boolean required) {
        JsonNode value = value(field, required);
        return value == null ? null : longOf(value, at(field));
    }

    public Double decimal(String field, boolean required) {
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
    public Long seconds(String field, boolean required) {
        JsonNode value = value(field, required);
        return value == null ? null : microsOf(value, at(field));
    }

    /** An ISO-8601 instant, to the millisecond. */
    public Instant instant(String field, boolean required) {
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

    /** An enum constant by name in any case, or {@code fallback} when the field is left out. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, E fallback) {
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

    public JsonFields object(String field, boolean required) {
        JsonNode value = value(field, required);
        return value == null ? null : objectOf(value, at(field));
    }

    /** An array, each element read by {@code element} with its path ({@code items[2]}). */
    public <T> List<T> array(String field, boolean required, Element<T> element) {
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

    private static JsonFields objectOf(JsonNode value, String path) {
        if (value == null || !value.isObject()) {
            throw new InvalidCommandException(path, path + " must be an object");
        }
        return nested(value, path);
    }

    private static String stringOf(JsonNode value, String path) {
        if (value == null || !value.isString()) {
            throw new InvalidCommandException(path, path + " must be a string");
        }
        return value.stringValue();
    }

    private static long longOf(JsonNode value, String path) {
        if (!value.isNumber()) {
            throw new InvalidCommandException(path, path + " must be an integer");
        }
        try {
            return value.decimalValue().longValueExact();
        } catch (ArithmeticException | tools.jackson.databind.exc.JsonNodeException e) {
            // 1e400 reads as an infinite double, which has no decimal value (HttpFuzzIT found it as a 500).
            throw new InvalidCommandException(path, path + " must be an integer");
        }
    }

    private static long microsOf(JsonNode value, String path) {
        if (value == null || !value.isNumber()) {
            throw new InvalidCommandException(path, path + " must be a number of seconds");
        }
        try {
            return value.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException | tools.jackson.databind.exc.JsonNodeException e) {
            throw new InvalidCommandException(path, path + " is out of range");
        }
    }

    /** Reads one element of an array. */
    @FunctionalInterface
    public interface Element<T> {

        T read(JsonNode element, String path);

        static <T> Element<T> object(Function<JsonFields, T> read) {
            return (element, path) -> read.apply(objectOf(element, path));
        }

        static Element<String> string() {
            return JsonFields::stringOf;
        }

        static Element<Long> seconds() {
            return JsonFields::microsOf;
        }
    }
}
