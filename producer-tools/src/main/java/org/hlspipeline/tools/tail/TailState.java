package org.hlspipeline.tools.tail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.hlspipeline.tools.cli.ToolFailure;

/**
 * {@code tail --state-file}: the last sequence published (and acknowledged) per rendition, so that a restarted
 * {@code tail} sends only what is new. Without it a restart sends the whole current playlist again, which the
 * pipeline treats as duplicates; with it, not even those.
 *
 * <p>The file is a small properties file, rewritten after every acknowledged segment through a temporary file and
 * an atomic rename, so that a crash leaves the old state or the new one, never half of one. A crash between the
 * acknowledgement and the rename sends that one segment again on restart: a duplicate, harmless.
 */
final class TailState {

    private static final String STREAM = "stream";
    private static final String RENDITION = "rendition.";

    private final Path file;
    private final String stream;
    private final Map<String, Long> lastPublished = new TreeMap<>();

    private TailState(Path file, String stream) {
        this.file = file;
        this.stream = stream;
    }

    /** No state file: nothing is remembered. */
    static TailState none(String stream) {
        return new TailState(null, stream);
    }

    /**
     * Reads the state file, or starts an empty state when it does not exist yet.
     *
     * @throws ToolFailure (usage) when the file belongs to another stream or is not a state file
     */
    static TailState load(Path file, String stream) throws ToolFailure {
        TailState state = new TailState(file, stream);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return state;
        } catch (IOException e) {
            throw ToolFailure.input("cannot read --state-file " + file + ": " + e.getMessage());
        }
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw ToolFailure.usage("--state-file " + file + " is not a tail state file: " + e.getMessage());
        }
        String owner = properties.getProperty(STREAM);
        if (owner == null) {
            throw ToolFailure.usage("--state-file " + file + " is not a tail state file (no stream=...)");
        }
        if (!owner.equals(stream)) {
            throw ToolFailure.usage("--state-file " + file + " belongs to stream " + owner + ", not " + stream
                    + "; give each stream its own state file");
        }
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(RENDITION)) {
                try {
                    state.lastPublished.put(name.substring(RENDITION.length()),
                            Long.parseLong(properties.getProperty(name).trim()));
                } catch (NumberFormatException e) {
                    throw ToolFailure.usage("--state-file " + file + ": " + name + " is not a sequence number");
                }
            }
        }
        return state;
    }

    /** The last sequence published for {@code rendition}, or null. */
    Long lastPublished(String rendition) {
        return lastPublished.get(rendition);
    }

    /** Records an acknowledged segment; rewrites the file if there is one. */
    void published(String rendition, long sequence) throws ToolFailure {
        Long previous = lastPublished.get(rendition);
        if (previous != null && previous >= sequence) {
            return;
        }
        lastPublished.put(rendition, sequence);
        if (file != null) {
            save();
        }
    }

    private void save() throws ToolFailure {
        StringBuilder text = new StringBuilder()
                .append("# producer-tools tail: the last sequence published per rendition\n")
                .append(STREAM).append('=').append(stream).append('\n');
        lastPublished.forEach((rendition, sequence) ->
                text.append(RENDITION).append(rendition).append('=').append(sequence).append('\n'));
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ToolFailure.input("cannot write --state-file " + file + ": " + e.getMessage());
        }
    }
}
