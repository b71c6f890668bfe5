package org.hlspipeline.tools.forms;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.tools.cli.ToolFailure;
import tools.jackson.databind.JsonNode;

/**
 * A JSON or YAML file (or standard input) read into a tree, knowing the line and column where each value starts,
 * so that a problem found in any value, however deep, can name the place in the file: {@code schedule.yaml line
 * 12, column 9}. Paths are written as the JSON forms' messages write them: {@code items[2].vod.segmentCount}.
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

    /** What {@code -} stands for. */
    public static final String STDIN = "-";

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

    /**
     * Reads a file, or standard input for {@code -}; the format from the extension, else {@code fallback}.
     *
     * @throws ToolFailure (input) when the file is missing, unreadable, not UTF-8, empty or malformed; the
     *                     message names the file and, for a syntax error, the line and column
     */
    public static Document read(String source, Format fallback, InputStream stdin) throws ToolFailure {
        if (STDIN.equals(source)) {
            byte[] bytes;
            try {
                bytes = stdin.readAllBytes();
            } catch (IOException e) {
                throw ToolFailure.input("cannot read standard input: " + e.getMessage());
            }
            return parse("<stdin>", Path.of("").toAbsolutePath(), decode("<stdin>", bytes), fallback);
        }
        Path file;
        try {
            file = Path.of(source);
        } catch (InvalidPathException e) {
            throw ToolFailure.input("'" + source + "' is not a file path: " + e.getReason());
        }
        return read(file, Format.of(source, fallback));
    }

    /** Reads a file in the given format (asset descriptors, files named inside other files). */
    public static Document read(Path file, Format format) throws ToolFailure {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ToolFailure.input(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw ToolFailure.input("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw ToolFailure.input("cannot read " + file + (Files.isDirectory(file) ? ": it is a folder"
                    : ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage())));
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent() == null ? absolute : absolute.getParent();
        return parse(file.toString(), folder, decode(file.toString(), bytes), format);
    }

    /** Parses text already read; {@code name} is how messages call it. */
    public static Document parse(String name, Path folder, String text, Format format) throws ToolFailure {
        return LocatingReader.read(name, folder, text, format);
    }

    private static String decode(String name, byte[] bytes) throws ToolFailure {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ToolFailure.input(name + " is not UTF-8 text");
        }
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
