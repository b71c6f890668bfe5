package org.hlspipeline.tools.forms;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hlspipeline.tools.cli.ToolFailure;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Builds the tree from the parser's tokens itself, because a tree read the usual way forgets where each value
 * was. Numbers with a fraction are kept as exact decimals (2.002 s stays 2002000 µs), and a key given twice in one
 * object is refused, as it is in the JSON forms' sense a mistake, not an override.
 */
final class LocatingReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How SnakeYAML places a problem in its message: {@code in reader, line 4, column 3:}. */
    private static final Pattern YAML_MARK = Pattern.compile("^\\s*in reader, line (\\d+), column (\\d+):");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final String name;
    private final JsonParser parser;
    private final Map<String, Document.Location> locations = new HashMap<>();

    private LocatingReader(String name, JsonParser parser) {
        this.name = name;
        this.parser = parser;
    }

    static Document read(String name, Path folder, String text, Document.Format format) throws ToolFailure {
        ObjectMapper mapper = format == Document.Format.YAML ? YAML : JSON;
        try (JsonParser parser = mapper.createParser(text)) {
            LocatingReader reader = new LocatingReader(name, parser);
            if (parser.nextToken() == null) {
                throw ToolFailure.input(name + " is empty");
            }
            JsonNode root = reader.value("");
            if (parser.nextToken() != null) {
                throw ToolFailure.input(reader.here() + ": more than one " + format.name()
                        + " document; give one");
            }
            return new Document(name, folder, root, reader.locations);
        } catch (JacksonException e) {
            throw ToolFailure.input(syntaxError(name, format, e));
        }
    }

    /** The value at the parser's current token, and everything inside it. */
    private JsonNode value(String path) throws ToolFailure {
        TokenStreamLocation at = parser.currentTokenLocation();
        locations.put(path, new Document.Location(at.getLineNr(), at.getColumnNr()));
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    object.set(field, value(JsonPaths.field(path, field)));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(JsonPaths.element(path, array.size())));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.stringNode(parser.getString());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(parser.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                try {
                    return NODES.numberNode(parser.getDecimalValue());
                } catch (NumberFormatException e) {
                    // YAML's .inf and .nan are floats that no decimal holds, and no field of the forms takes.
                    throw ToolFailure.input(here() + ": " + parser.getText() + " is not a usable number");
                }
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw ToolFailure.input(here() + ": unexpected " + token);
        }
    }

    private String here() {
        TokenStreamLocation at = parser.currentTokenLocation();
        return name + " line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /**
     * One line: where and what. SnakeYAML's message runs over several lines (what it was reading, a quote of the
     * line, a caret, what it found) and places the problem itself more precisely than the reported location,
     * which is where the enclosing construct began; keep its sentences and its last position.
     */
    static String syntaxError(String name, Document.Format format, JacksonException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        StringBuilder sentences = new StringBuilder();
        int line = -1;
        int column = -1;
        for (String text : message.split("\\R")) {
            Matcher mark = YAML_MARK.matcher(text);
            if (mark.find()) {
                line = Integer.parseInt(mark.group(1));
                column = Integer.parseInt(mark.group(2));
            } else if (!text.isBlank() && !Character.isWhitespace(text.charAt(0))) {
                sentences.append(sentences.length() == 0 ? "" : ": ").append(text.strip());
            }
        }
        TokenStreamLocation at = e.getLocation();
        if (line < 0 && at != null && at.getLineNr() > 0) {
            line = at.getLineNr();
            column = at.getColumnNr();
        }
        String where = line < 0 ? name : name + " line " + line + ", column " + column;
        return where + ": not valid " + format.name() + ": " + sentences;
    }
}
