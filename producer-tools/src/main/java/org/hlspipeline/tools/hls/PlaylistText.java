package org.hlspipeline.tools.hls;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The bytes of a playlist as text: which of them to read, and their UTF-8 decoding (RFC 8216 4.1). */
final class PlaylistText {

    private PlaylistText() {
    }

    /**
     * The playlist's lines without their line breaks (LF or CRLF), or null when a playlist being written is still
     * empty.
     *
     * @param growing the file may be being written: only complete lines count
     * @throws PlaylistException for a byte order mark, bytes that are not UTF-8, or an empty finished file
     */
    static List<String> lines(String source, byte[] content, boolean growing) throws PlaylistException {
        int length = growing ? completeLength(content) : content.length;
        if (length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            throw new PlaylistException(source, 1, "the playlist starts with a byte order mark, which RFC 8216 "
                    + "4.1 forbids");
        }
        String text = decode(source, content, length);
        if (text.isEmpty()) {
            if (growing) {
                return null;
            }
            throw new PlaylistException(source, 0, "the playlist is empty");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1); // the empty string after the last line break is not a line
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    /**
     * How many bytes of a playlist being written can be trusted: up to the last line break, or everything when
     * the unterminated last line is a whole ENDLIST tag (some writers end the file without a line break).
     */
    static int completeLength(byte[] content) {
        int lastBreak = -1;
        for (int i = content.length - 1; i >= 0; i--) {
            if (content[i] == '\n') {
                lastBreak = i;
                break;
            }
        }
        String rest = new String(content, lastBreak + 1, content.length - lastBreak - 1, StandardCharsets.UTF_8);
        return rest.strip().equals("#EXT-X-ENDLIST") ? content.length : lastBreak + 1;
    }

    /** The first {@code length} bytes as UTF-8, refusing invalid bytes with the line they are on. */
    private static String decode(String source, byte[] content, int length) throws PlaylistException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new PlaylistException(source, line, "not UTF-8 text (invalid byte at offset " + in.position()
                    + "); is this a playlist?");
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }
}
