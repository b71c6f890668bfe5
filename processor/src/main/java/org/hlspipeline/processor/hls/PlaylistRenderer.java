package org.hlspipeline.processor.hls;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Renders {@link MediaPlaylist}s and {@link MasterPlaylist}s as HLS text (RFC 8216, and 8216bis where it adds
 * tags). Stateless and thread-safe; the same input always renders to the same bytes. Lines end with
 * {@code "\n"}. All values were validated when the model was built, so rendering cannot produce a broken line.
 *
 * <p>On the hot path: one {@link StringBuilder} sized from the input, numbers written with integer math, no
 * {@code String.format}.
 */
public final class PlaylistRenderer {

    /**
     * EXT-X-VERSION of every media playlist rendered here: 3, because EXTINF is written with decimals and no
     * other tag written here needs more (see docs/hls-output.md, Playlist versions).
     */
    public static final int MEDIA_PLAYLIST_VERSION = 3;

    static final String EXTM3U = "#EXTM3U\n";

    /** Room for the header tags of a media playlist with 19-digit numbers. */
    private static final int MEDIA_HEADER_CAPACITY = 160;
    /** Room for "#EXTINF:" + a long + ".nnn," + "\n" + the URI's newline. */
    private static final int EXTINF_CAPACITY = 8 + 20 + 5 + 2;
    private static final int DISCONTINUITY_CAPACITY = "#EXT-X-DISCONTINUITY\n".length();
    private static final int GAP_CAPACITY = "#EXT-X-GAP\n".length();
    private static final int PROGRAM_DATE_TIME_CAPACITY = "#EXT-X-PROGRAM-DATE-TIME:2026-11-21T20:00:00.000Z\n".length();
    /** Room for the longest cue line with 19-digit numbers and CUE-IN. */
    private static final int CUE_CAPACITY = "#EXT-X-CUE-IN\n#EXT-X-CUE-OUT-CONT:ElapsedTime=,Duration=\n".length() + 2 * 24;

    private PlaylistRenderer() {
    }

    /** The media playlist as text. */
    public static String renderMedia(MediaPlaylist playlist) {
        return appendMedia(new StringBuilder(mediaCapacity(playlist)), playlist).toString();
    }

    /** The media playlist as UTF-8 bytes. */
    public static byte[] renderMediaBytes(MediaPlaylist playlist) {
        return renderMedia(playlist).getBytes(StandardCharsets.UTF_8);
    }

    /** The master playlist as text. */
    public static String renderMaster(MasterPlaylist playlist) {
        return MasterPlaylistTags.append(new StringBuilder(MasterPlaylistTags.capacity(playlist)), playlist)
                .toString();
    }

    /**
     * The EXT-X-VERSION the master playlist is rendered with: 1 (no tag) for variants alone, 4 with alternative
     * renditions or I-frame playlists, more for session keys that need it (see docs/hls-output.md, Playlist
     * versions).
     */
    public static int masterVersion(MasterPlaylist playlist) {
        return MasterPlaylistTags.version(playlist);
    }

    /** The master playlist as UTF-8 bytes. */
    public static byte[] renderMasterBytes(MasterPlaylist playlist) {
        return renderMaster(playlist).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The EXT-X-VERSION the media playlist is rendered with: the highest version any tag in it requires,
     * {@value #MEDIA_PLAYLIST_VERSION} without byte ranges, keys beyond AES-128 or initialisation sections
     * (see docs/hls-output.md, Playlist versions).
     */
    public static int mediaVersion(MediaPlaylist playlist) {
        return SegmentMediaTags.version(playlist.segments(), MEDIA_PLAYLIST_VERSION, playlist.iFramesOnly());
    }

    /**
     * Appends the media playlist to {@code out}, in this order: the header, then per segment its tags and URI,
     * then EXT-X-ENDLIST when ended.
     */
    public static StringBuilder appendMedia(StringBuilder out, MediaPlaylist playlist) {
        out.append(EXTM3U);
        out.append("#EXT-X-VERSION:").append(mediaVersion(playlist)).append('\n');
        out.append("#EXT-X-TARGETDURATION:").append(playlist.targetDurationSeconds()).append('\n');
        out.append("#EXT-X-MEDIA-SEQUENCE:").append(playlist.mediaSequence()).append('\n');
        // Always written, even as 0: in a live window discontinuities can slide out at any time, and a
        // player compares this value across reloads and renditions (RFC 8216 §4.3.3.3).
        out.append("#EXT-X-DISCONTINUITY-SEQUENCE:").append(playlist.discontinuitySequence()).append('\n');
        if (playlist.iFramesOnly()) {
            out.append("#EXT-X-I-FRAMES-ONLY\n");
        }
        // No EXT-X-PLAYLIST-TYPE: these are live playlists, and EVENT would forbid removing segments
        // (RFC 8216 §4.3.3.5).

        boolean programDateTimeWritten = false;
        SegmentMediaTags mediaTags = new SegmentMediaTags();
        List<MediaSegment> segments = playlist.segments();
        for (int i = 0, n = segments.size(); i < n; i++) {
            MediaSegment segment = segments.get(i);
            programDateTimeWritten |= appendSegment(out, segment, programDateTimeWritten, mediaTags);
        }

        if (playlist.ended()) {
            out.append("#EXT-X-ENDLIST\n");
        }
        return out;
    }

    /**
     * Appends one segment: its tags, then EXTINF, then its URI line. Tags that open something at this segment
     * (an ad marker, a date range) belong before EXTINF too, after the discontinuity that separates it from the
     * previous segment.
     *
     * <p>So a segment reads: EXT-X-DISCONTINUITY, EXT-X-KEY, EXT-X-MAP, EXT-X-PROGRAM-DATE-TIME, each
     * EXT-X-DATERANGE, EXT-X-CUE-IN, EXT-X-CUE-OUT or EXT-X-CUE-OUT-CONT, EXT-X-GAP, EXTINF, EXT-X-BYTERANGE, URI.
     *
     * @return whether a program date-time was written
     */
    private static boolean appendSegment(StringBuilder out, MediaSegment segment, boolean programDateTimeWritten,
                                         SegmentMediaTags mediaTags) {
        if (segment.discontinuity()) {
            out.append("#EXT-X-DISCONTINUITY\n");
        }
        mediaTags.appendBefore(out, segment);
        // On the first segment that carries a time, and on each discontinuity, where adding durations no longer
        // gives the wall-clock time (see docs/hls-output.md, Program date-time).
        Instant programDateTime = segment.programDateTime();
        boolean writeProgramDateTime = programDateTime != null && (!programDateTimeWritten || segment.discontinuity());
        if (writeProgramDateTime) {
            out.append("#EXT-X-PROGRAM-DATE-TIME:");
            HlsNumbers.appendUtcMillis(out, programDateTime);
            out.append('\n');
        }
        SegmentMarkers markers = segment.markers();
        if (markers != SegmentMarkers.NONE) {
            appendMarkers(out, markers);
        }
        if (segment.gap()) {
            // RFC 8216bis §4.4.4.7: the segment is missing; players skip it instead of loading it.
            out.append("#EXT-X-GAP\n");
        }
        out.append("#EXTINF:");
        HlsNumbers.appendMillisAsSeconds(out, HlsNumbers.roundMicrosToMillis(segment.durationMicros()));
        // The title is empty, but the comma is part of the tag's format (RFC 8216 §4.3.2.1).
        out.append(",\n");
        SegmentMediaTags.appendByteRange(out, segment);
        out.append(segment.uri()).append('\n');
        return writeProgramDateTime;
    }

    private static void appendMarkers(StringBuilder out, SegmentMarkers markers) {
        List<DateRange> ranges = markers.dateRanges();
        for (int i = 0, n = ranges.size(); i < n; i++) {
            appendDateRange(out, ranges.get(i));
        }
        if (markers.cueIn()) {
            out.append("#EXT-X-CUE-IN\n");
        }
        CueOut cue = markers.cueOut();
        if (cue != null) {
            if (cue.continued()) {
                out.append("#EXT-X-CUE-OUT-CONT:ElapsedTime=");
                HlsNumbers.appendMillisAsSeconds(out, HlsNumbers.roundMicrosToMillis(cue.elapsedMicros()));
                out.append(",Duration=");
            } else {
                out.append("#EXT-X-CUE-OUT:");
            }
            HlsNumbers.appendMillisAsSeconds(out, HlsNumbers.roundMicrosToMillis(cue.durationMicros()));
            out.append('\n');
        }
    }

    /**
     * {@code #EXT-X-DATERANGE:ID="…",START-DATE="…"[,PLANNED-DURATION=s][,DURATION=s][,SCTE35-OUT=0x…]
     * [,SCTE35-IN=0x…]}: quoted-strings for ID and START-DATE, decimal-floating-point seconds with three decimals,
     * hexadecimal-sequences for SCTE-35 (RFC 8216 §4.3.2.7, §4.2).
     */
    private static void appendDateRange(StringBuilder out, DateRange range) {
        out.append("#EXT-X-DATERANGE:ID=\"").append(range.id()).append("\",START-DATE=\"");
        HlsNumbers.appendUtcMillis(out, range.startDate());
        out.append('"');
        if (range.plannedDurationMicros() != null) {
            out.append(",PLANNED-DURATION=");
            HlsNumbers.appendMillisAsSeconds(out, HlsNumbers.roundMicrosToMillis(range.plannedDurationMicros()));
        }
        if (range.durationMicros() != null) {
            out.append(",DURATION=");
            HlsNumbers.appendMillisAsSeconds(out, HlsNumbers.roundMicrosToMillis(range.durationMicros()));
        }
        if (range.scte35Out() != null) {
            out.append(",SCTE35-OUT=0x").append(range.scte35Out());
        }
        if (range.scte35In() != null) {
            out.append(",SCTE35-IN=0x").append(range.scte35In());
        }
        out.append('\n');
    }

    private static int mediaCapacity(MediaPlaylist playlist) {
        long capacity = MEDIA_HEADER_CAPACITY;
        List<MediaSegment> segments = playlist.segments();
        for (int i = 0, n = segments.size(); i < n; i++) {
            MediaSegment segment = segments.get(i);
            capacity += EXTINF_CAPACITY + segment.uri().length();
            if (segment.discontinuity()) {
                capacity += DISCONTINUITY_CAPACITY;
            }
            if (segment.gap()) {
                capacity += GAP_CAPACITY;
            }
            if (segment.programDateTime() != null) {
                capacity += PROGRAM_DATE_TIME_CAPACITY;
            }
            SegmentMarkers markers = segment.markers();
            if (markers != SegmentMarkers.NONE) {
                capacity += CUE_CAPACITY;
                for (DateRange range : markers.dateRanges()) {
                    capacity += range.renderedLengthBound();
                }
            }
        }
        return (int) Math.min(capacity, Integer.MAX_VALUE - 16);
    }
}
