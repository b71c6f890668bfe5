package org.hlspipeline.tools.hls;

import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.processor.hls.Variant;
import org.hlspipeline.processor.hls.VariantDescription;

/**
 * The master playlist tags {@link PlaylistParser} reads: each {@code EXT-X-STREAM-INF} with the URI line after it
 * (RFC 8216 4.3.4.2), and the {@code EXT-X-MEDIA} alternates (4.3.4.1).
 */
final class MasterTags {

    private final String source;
    private final TagValues values;
    private final List<ParsedVariant> variants = new ArrayList<>();
    private final List<AlternateRendition> alternates = new ArrayList<>();
    private int streamInfLine;
    private AttributeList streamInf;

    MasterTags(String source, TagValues values) {
        this.source = source;
        this.values = values;
    }

    void streamInf(int number, String value) throws PlaylistException {
        if (streamInf != null) {
            throw new PlaylistException(source, number, "#EXT-X-STREAM-INF at line " + streamInfLine
                    + " has no URI line after it before this one");
        }
        String name = "#EXT-X-STREAM-INF";
        streamInf = AttributeList.parse(source, number, name, values.required(number, name, value));
        streamInfLine = number;
        streamInf.decimalInteger("BANDWIDTH", true);
    }

    void media(int number, String value) throws PlaylistException {
        String name = "#EXT-X-MEDIA";
        AttributeList attributes = AttributeList.parse(source, number, name, values.required(number, name, value));
        alternates.add(new AlternateRendition(number, attributes.enumerated("TYPE", true),
                attributes.quoted("GROUP-ID", true), attributes.quoted("NAME", true),
                attributes.quoted("URI", false), attributes.quoted("LANGUAGE", false), yes(attributes, "DEFAULT"),
                yes(attributes, "AUTOSELECT"), yes(attributes, "FORCED"), attributes.quoted("CHANNELS", false),
                attributes.quoted("CHARACTERISTICS", false)));
    }

    private static boolean yes(AttributeList attributes, String name) throws PlaylistException {
        return "YES".equals(attributes.enumerated(name, false));
    }

    /** Takes {@code uri} as the URI of the pending EXT-X-STREAM-INF; false when none is pending. */
    boolean variantUri(int number, String uri) throws PlaylistException {
        if (streamInf == null) {
            return false;
        }
        AttributeList a = streamInf;
        Variant variant;
        try {
            variant = new Variant(uri, new VariantDescription(a.decimalInteger("BANDWIDTH", true),
                    a.decimalInteger("AVERAGE-BANDWIDTH", false), a.resolution("RESOLUTION", false),
                    a.quoted("CODECS", false), a.decimalFloat("FRAME-RATE", false), a.quoted("AUDIO", false),
                    a.quoted("SUBTITLES", false), false));
        } catch (IllegalArgumentException e) {
            throw new PlaylistException(source, number, "#EXT-X-STREAM-INF at line " + streamInfLine + ": "
                    + e.getMessage());
        }
        variants.add(new ParsedVariant(number, variant));
        streamInf = null;
        return true;
    }

    /** A finished file may not end with an EXT-X-STREAM-INF that has no URI yet; a growing one may. */
    void checkComplete(boolean growing) throws PlaylistException {
        if (streamInf != null && !growing) {
            throw new PlaylistException(source, streamInfLine, "#EXT-X-STREAM-INF has no URI line after it");
        }
    }

    /** The master playlist read, or null while a growing one lists no variant yet. */
    ParsedMasterPlaylist playlist(int version, boolean growing) throws PlaylistException {
        if (variants.isEmpty()) {
            if (growing) {
                return null;
            }
            throw new PlaylistException(source, 0, "the master playlist has no variant "
                    + "(#EXT-X-STREAM-INF followed by a URI line)");
        }
        return new ParsedMasterPlaylist(version, variants, alternates);
    }
}
