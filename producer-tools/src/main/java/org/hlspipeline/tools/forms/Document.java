package org.hlspipeline.tools.forms;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * A JSON or YAML file (or standard input) read into a tree, knowing the line and column where each value starts,
 * so that a problem found in any value, however deep, can name the place in the file: {@code schedule.yaml line
 * 12, column 9}. Paths are written as the JSON forms' messages write them: {@code items[2].vod.segmentCount}.
 * Only the value lives here; {@link DocumentReader} reads one, so the tree builder can make one without a cycle.
 */
public final class Document {

    /** How to read a document: YAML is for people, JSON for programs and the JSON forms. */
    public enum Format {
        JSON, YAML;

        /** From the file name's extension ({@code .yaml}, {@code .yml}, {@code .json}), else {@code fallback}. */
        public static Format of(String name, Format fallback) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return YAML;
            }
            if (lower.endsWith(".json")) {
                return JSON;
            }
            return fallback;
        }
    }

    /** Where a value starts: 1-based line and column. */
    public record Location(int line, int column) {
    }

    private final String name;
    private final Path folder;
    private final JsonNode root;
    private final Map<String, Location> locations;

    Document(String name, Path folder, JsonNode root, Map<String, Location> locations) {
        this.name = name;
        this.folder = folder;
        this.root = root;
        this.locations = Map.copyOf(locations);
    }

    /** How messages name the document: the path as given, or {@code <stdin>}. */
    public String name() {
        return name;
    }

    /** The folder that paths written inside the document are relative to (the working folder for stdin). */
    public Path folder() {
        return folder;
    }

    public JsonNode root() {
        return root;
    }

    /** Where the value at {@code path} starts, or else the nearest value that holds it (a missing field's object). */
    public Optional<Location> location(String path) {
        String at = path;
        while (true) {
            Location location = locations.get(at);
            if (location != null) {
                return Optional.of(location);
            }
            if (at.isEmpty()) {
                return Optional.empty();
            }
            at = JsonPaths.parent(at);
        }
    }

    /** {@code schedule.yaml line 12, column 9}: the document and where the value at {@code path} is. */
    public String where(String path) {
        return location(path).map(l -> name + " line " + l.line() + ", column " + l.column()).orElse(name);
    }
}
