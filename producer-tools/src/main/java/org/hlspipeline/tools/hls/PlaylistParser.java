package org.hlspipeline.tools.hls;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.schemas.json.SegmentMediaJson;

import java.util.List;
import java.util.Set;

/**
 * A small, strict reader of HLS playlists (RFC 8216): the tags that live and VOD transcoders write (ffmpeg, GPAC,
 * Shaka Packager, Bento4), checked as the RFC states them, with errors that name the line.
 *
 * <p>What the pipeline cannot carry is refused with a reason instead of being half-understood: byte-range segments,
 * encryption, I-frame-only playlists, variable substitution. Unknown tags are ignored, as RFC 8216 6.3.1 tells
 * clients to.
 *
 * <p>{@link Mode#GROWING} reads a playlist that a transcoder may be writing at this very moment: an unterminated
 * last line is not read (it may be half written), nor are segment tags that have no URI yet, and a playlist that
 * does not yet say what it is (empty, or only a header) reads as {@code null} instead of an error.
 */
public final class PlaylistParser {

    /** How much of the content to trust. */
    public enum Mode {
        /** A finished file: every line counts, and an incomplete playlist is an error. */
        COMPLETE,
        /** A file being written: only complete lines count, and an incomplete ending is not (yet) an error. */
        GROWING
    }

    private static final String EXTM3U = "#EXTM3U";
    private static final Set<String> MEDIA_TAGS = Set.of("#EXTINF", "#EXT-X-TARGETDURATION",
            "#EXT-X-MEDIA-SEQUENCE", "#EXT-X-DISCONTINUITY-SEQUENCE", "#EXT-X-ENDLIST", "#EXT-X-PLAYLIST-TYPE",
            "#EXT-X-I-FRAMES-ONLY", "#EXT-X-DISCONTINUITY", "#EXT-X-PROGRAM-DATE-TIME", "#EXT-X-MAP",
            "#EXT-X-BYTERANGE", "#EXT-X-KEY", "#EXT-X-GAP", "#EXT-X-DATERANGE", "#EXT-X-PART",
            "#EXT-X-PART-INF", "#EXT-X-SERVER-CONTROL", "#EXT-X-PRELOAD-HINT", "#EXT-X-SKIP",
            "#EXT-X-RENDITION-REPORT", "#EXT-X-BITRATE");
    /** EXT-X-MAP's BYTERANGE, {@code <length>@<offset>} (RFC 8216 4.3.2.5: the offset is not optional there). */
    private ByteRange byteRange(int number, String text) throws PlaylistException {
        try {
            org.hlspipeline.schemas.stream.ByteRange range = SegmentMediaJson.byteRange("#EXT-X-MAP BYTERANGE", text);
            return new ByteRange(range.getLength(), range.getOffset());
        } catch (IllegalArgumentException e) {
            throw new PlaylistException(source, number, e.getMessage());
        }
    }

    private static final Set<String> MASTER_TAGS = Set.of("#EXT-X-STREAM-INF", "#EXT-X-MEDIA",
            "#EXT-X-I-FRAME-STREAM-INF", "#EXT-X-SESSION-DATA", "#EXT-X-SESSION-KEY", "#EXT-X-CONTENT-STEERING");

    private final String source;
    private final Mode mode;
    private final TagValues values;

    private Integer version;
    private int firstMediaTagLine;
    private String firstMediaTag;
    private int firstMasterTagLine;
    private String firstMasterTag;

    private Long targetDuration;
    private Long mediaSequence;
    private Long discontinuitySequence;
    private String playlistType;
    private boolean endList;
    private final SegmentTags segments;

    private final MasterTags master;

    private PlaylistParser(String source, Mode mode) {
        this.source = source;
        this.mode = mode;
        this.values = new TagValues(source);
        this.master = new MasterTags(source, values);
        this.segments = new SegmentTags(source, mode == Mode.GROWING);
    }

    /**
     * Reads one playlist.
     *
     * @param content the playlist's bytes (UTF-8, RFC 8216 4.1)
     * @param source  how errors name the playlist (the path or URL the user gave)
     * @return the playlist, or null in {@link Mode#GROWING} when it does not yet say what it is
     * @throws PlaylistException when it breaks RFC 8216 or uses what the pipeline cannot carry
     */
    public static Playlist parse(byte[] content, String source, Mode mode) throws PlaylistException {
        return new PlaylistParser(source, mode).read(content);
    }

    private Playlist read(byte[] content) throws PlaylistException {
        List<String> lines = PlaylistText.lines(source, content, mode == Mode.GROWING);
        if (lines == null) {
            return null;
        }
        for (int i = 0; i < lines.size(); i++) {
            readLine(i + 1, lines.get(i));
        }
        return finish();
    }

    private void readLine(int number, String line) throws PlaylistException {
        if (number == 1) {
            if (!line.stripTrailing().equals(EXTM3U)) {
                throw new PlaylistException(source, 1, "not an HLS playlist: the first line must be #EXTM3U, was '"
                        + TagValues.shorten(line) + "'");
            }
            return;
        }
        if (line.isBlank()) {
            return;
        }
        if (line.startsWith("#EXT")) {
            readTag(number, line.stripTrailing());
        } else if (line.startsWith("#")) {
            return; // a comment
        } else {
            readUri(number, line);
        }
    }

    private void readTag(int number, String line) throws PlaylistException {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? null : line.substring(colon + 1);
        if (MEDIA_TAGS.contains(name)) {
            if (firstMasterTag != null) {
                throw mixed(number, name, firstMasterTag, firstMasterTagLine, "master", "media");
            }
            if (firstMediaTag == null) {
                firstMediaTag = name;
                firstMediaTagLine = number;
            }
        } else if (MASTER_TAGS.contains(name)) {
            if (firstMediaTag != null) {
                throw mixed(number, name, firstMediaTag, firstMediaTagLine, "media", "master");
            }
            if (firstMasterTag == null) {
                firstMasterTag = name;
                firstMasterTagLine = number;
            }
        }
        switch (name) {
            case EXTM3U -> throw new PlaylistException(source, number, "#EXTM3U may only be the first line");
            case "#EXT-X-VERSION" -> {
                if (version != null) {
                    throw twice(number, name);
                }
                version = (int) Math.min(Integer.MAX_VALUE, values.integer(number, name, value));
            }
            case "#EXT-X-TARGETDURATION" -> {
                if (targetDuration != null) {
                    throw twice(number, name);
                }
                targetDuration = values.integer(number, name, value);
            }
            case "#EXT-X-MEDIA-SEQUENCE" -> {
                if (mediaSequence != null) {
                    throw twice(number, name);
                }
                beforeFirstSegment(number, name);
                mediaSequence = values.integer(number, name, value);
            }
            case "#EXT-X-DISCONTINUITY-SEQUENCE" -> {
                if (discontinuitySequence != null) {
                    throw twice(number, name);
                }
                beforeFirstSegment(number, name);
                discontinuitySequence = values.integer(number, name, value);
            }
            case "#EXT-X-PLAYLIST-TYPE" -> {
                if (playlistType != null) {
                    throw twice(number, name);
                }
                String type = values.required(number, name, value);
                if (!type.equals("EVENT") && !type.equals("VOD")) {
                    throw new PlaylistException(source, number, name + " must be EVENT or VOD, was " + type);
                }
                playlistType = type;
            }
            case "#EXT-X-ENDLIST" -> {
                values.none(number, name, value);
                endList = true;
            }
            case "#EXTINF" -> segments.extinf(number, values.extinf(number, value));
            case "#EXT-X-DISCONTINUITY" -> {
                values.none(number, name, value);
                segments.discontinuity();
            }
            case "#EXT-X-GAP" -> {
                values.none(number, name, value);
                segments.gap();
            }
            case "#EXT-X-PROGRAM-DATE-TIME" -> segments.programDateTime(values.dateTime(number, name,
                    values.required(number, name, value)));
            case "#EXT-X-MAP" -> {
                AttributeList attributes = AttributeList.parse(source, number, name,
                        values.required(number, name, value));
                String range = attributes.quoted("BYTERANGE", false);
                segments.map(number, attributes.quoted("URI", true), range == null ? null : byteRange(number, range));
            }
            case "#EXT-X-KEY" -> {
                AttributeList attributes = AttributeList.parse(source, number, name,
                        values.required(number, name, value));
                String method = attributes.enumerated("METHOD", true);
                if (method.equals("NONE")) {
                    segments.key(null);
                } else {
                    try {
                        segments.key(new SegmentKey(method, attributes.quoted("URI", true),
                                attributes.enumerated("IV", false), attributes.quoted("KEYFORMAT", false),
                                attributes.quoted("KEYFORMATVERSIONS", false)));
                    } catch (IllegalArgumentException e) {
                        throw new PlaylistException(source, number, e.getMessage());
                    }
                }
            }
            case "#EXT-X-BYTERANGE" -> {
                String[] parts = values.required(number, name, value).split("@", -1);
                if (parts.length > 2 || !parts[0].matches("\\d{1,18}")
                        || (parts.length == 2 && !parts[1].matches("\\d{1,18}"))) {
                    throw new PlaylistException(source, number, "#EXT-X-BYTERANGE must be <length>[@<offset>], was '"
                            + value + "'");
                }
                segments.byteRange(number, Long.parseLong(parts[0]),
                        parts.length == 2 ? Long.valueOf(parts[1]) : null);
            }
            case "#EXT-X-I-FRAMES-ONLY" -> throw new PlaylistException(source, number,
                    "I-frame-only playlists (#EXT-X-I-FRAMES-ONLY) are not supported");
            case "#EXT-X-DEFINE" -> throw new PlaylistException(source, number,
                    "variable substitution (#EXT-X-DEFINE) is not supported");
            case "#EXT-X-STREAM-INF" -> master.streamInf(number, value);
            case "#EXT-X-MEDIA" -> master.media(number, value);
            default -> {
                // RFC 8216 6.3.1: ignore what is not recognized (EXT-X-INDEPENDENT-SEGMENTS, EXT-X-START,
                // EXT-X-DATERANGE, low-latency parts, I-frame variants, session data, ...).
            }
        }
    }

    private void readUri(int number, String uri) throws PlaylistException {
        if (master.variantUri(number, uri)) {
            return;
        }
        if (!segments.pending()) {
            throw new PlaylistException(source, number, "URI line '" + TagValues.shorten(uri) + "' has no "
                    + (firstMasterTag != null ? "#EXT-X-STREAM-INF" : "#EXTINF") + " before it");
        }
        segments.uri(number, uri);
    }

    private Playlist finish() throws PlaylistException {
        boolean growing = mode == Mode.GROWING;
        segments.checkComplete();
        int v = version == null ? 1 : version;
        master.checkComplete(growing);
        if (firstMasterTag != null) {
            return master.playlist(v, growing);
        }
        if (firstMediaTag != null) {
            if (targetDuration == null) {
                if (growing && segments.isEmpty()) {
                    return null;
                }
                throw new PlaylistException(source, 0, "#EXT-X-TARGETDURATION is missing (RFC 8216 4.3.3.1 "
                        + "requires it in every media playlist)");
            }
            return segments.playlist(v, playlistType, targetDuration, mediaSequence == null ? 0 : mediaSequence,
                    discontinuitySequence == null ? 0 : discontinuitySequence, endList);
        }
        if (growing) {
            return null;
        }
        throw new PlaylistException(source, 0, "the playlist has neither segments (#EXTINF) nor variants "
                + "(#EXT-X-STREAM-INF)");
    }

    private void beforeFirstSegment(int number, String name) throws PlaylistException {
        if (segments.started()) {
            throw new PlaylistException(source, number, name + " must come before the first segment");
        }
    }

    private PlaylistException twice(int number, String name) {
        return new PlaylistException(source, number, name + " appears more than once");
    }

    private PlaylistException mixed(int number, String name, String other, int otherLine, String otherKind,
                                    String kind) {
        return new PlaylistException(source, number, name + " is a " + kind + " playlist tag, but " + other
                + " at line " + otherLine + " made this a " + otherKind + " playlist; a playlist is one or the "
                + "other");
    }
}
