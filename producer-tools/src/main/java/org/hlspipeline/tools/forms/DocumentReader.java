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

import org.hlspipeline.tools.cli.ToolFailure;

/**
 * Reads a {@link Document} from a file or standard input: the bytes, UTF-8 only, then the tree with its places.
 * Every way a file can fail to be read is an input failure that names the file, so each command says it alike.
 */
public final class DocumentReader {

    /** What {@code -} stands for. */
    public static final String STDIN = "-";

    private DocumentReader() {
    }

    /**
     * Reads a file, or standard input for {@code -}; the format from the extension, else {@code fallback}.
     *
     * @throws ToolFailure (input) when the file is missing, unreadable, not UTF-8, empty or malformed; the
     *                     message names the file and, for a syntax error, the line and column
     */
    public static Document read(String source, Document.Format fallback, InputStream stdin) throws ToolFailure {
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
        return read(file, Document.Format.of(source, fallback));
    }

    /** Reads a file in the given format (asset descriptors, files named inside other files). */
    public static Document read(Path file, Document.Format format) throws ToolFailure {
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
    public static Document parse(String name, Path folder, String text, Document.Format format) throws ToolFailure {
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

}
