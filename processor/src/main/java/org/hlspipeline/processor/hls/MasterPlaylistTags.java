package org.hlspipeline.processor.hls;

import java.util.List;

/**
 * The text of a master playlist: EXT-X-SESSION-KEY, then each group's EXT-X-MEDIA, then the variants'
 * EXT-X-STREAM-INF with their URIs, then the I-frame playlists' EXT-X-I-FRAME-STREAM-INF. Attribute values were
 * checked when the model was built. See docs/hls-output.md, Master playlists.
 */
final class MasterPlaylistTags {

    /** Room for an EXT-X-STREAM-INF or EXT-X-MEDIA line without its quoted values. */
    private static final int LINE_CAPACITY = 200;

    private MasterPlaylistTags() {
    }

    /**
     * 1 for variants alone, so the tag is left out (RFC 8216 §4.3.1.2). EXT-X-MEDIA and EXT-X-I-FRAME-STREAM-INF
     * come with version 4: RFC 8216 §7 lets a server say so, and older clients would otherwise play a variant's
     * muxed audio or its I-frames as a stream. Session keys add what their attributes need.
     */
    static int version(MasterPlaylist playlist) {
        int version = 1;
        if (!playlist.alternatives().isEmpty()
                || playlist.variants().stream().anyMatch(v -> v.description().iFramesOnly())) {
            version = 4;
        }
        for (SegmentKey key : playlist.sessionKeys()) {
            version = Math.max(version, key.requiredVersion());
        }
        return version;
    }

    static StringBuilder append(StringBuilder out, MasterPlaylist playlist) {
        out.append(PlaylistRenderer.EXTM3U);
        int version = version(playlist);
        if (version > 1) {
            out.append("#EXT-X-VERSION:").append(version).append('\n');
        }
        for (SegmentKey key : playlist.sessionKeys()) {
            SegmentMediaTags.appendKey(out, "#EXT-X-SESSION-KEY:", key);
        }
        for (AlternativeRendition alternative : playlist.alternatives()) {
            appendMedia(out, alternative);
        }
        List<Variant> variants = playlist.variants();
        for (int i = 0, n = variants.size(); i < n; i++) {
            if (!variants.get(i).description().iFramesOnly()) {
                appendVariant(out, variants.get(i));
            }
        }
        for (int i = 0, n = variants.size(); i < n; i++) {
            if (variants.get(i).description().iFramesOnly()) {
                appendIFrameVariant(out, variants.get(i));
            }
        }
        return out;
    }

    static int capacity(MasterPlaylist playlist) {
        long capacity = PlaylistRenderer.EXTM3U.length() + 20L;
        for (Variant variant : playlist.variants()) {
            VariantDescription d = variant.description();
            capacity += LINE_CAPACITY + variant.uri().length() + length(d.codecs()) + length(d.audio())
                    + length(d.subtitles());
        }
        for (AlternativeRendition alternative : playlist.alternatives()) {
            AlternativeDescription d = alternative.description();
            capacity += LINE_CAPACITY + alternative.uri().length() + d.groupId().length() + d.name().length()
                    + length(d.language()) + length(d.characteristics());
        }
        for (SegmentKey key : playlist.sessionKeys()) {
            capacity += LINE_CAPACITY + key.uri().length() + length(key.keyFormat());
        }
        return (int) Math.min(capacity, Integer.MAX_VALUE - 16);
    }

    private static void appendMedia(StringBuilder out, AlternativeRendition alternative) {
        AlternativeDescription d = alternative.description();
        out.append("#EXT-X-MEDIA:TYPE=").append(d.type().name())
                .append(",GROUP-ID=\"").append(d.groupId()).append('"')
                .append(",NAME=\"").append(d.name()).append('"');
        if (d.language() != null) {
            out.append(",LANGUAGE=\"").append(d.language()).append('"');
        }
        // NO is each one's default value (RFC 8216 §4.3.4.1), so only YES is written.
        if (d.isDefault()) {
            out.append(",DEFAULT=YES");
        }
        if (d.autoselect()) {
            out.append(",AUTOSELECT=YES");
        }
        if (d.forced()) {
            out.append(",FORCED=YES");
        }
        if (d.characteristics() != null) {
            out.append(",CHARACTERISTICS=\"").append(d.characteristics()).append('"');
        }
        if (d.channels() != null) {
            out.append(",CHANNELS=\"").append(d.channels()).append('"');
        }
        out.append(",URI=\"").append(alternative.uri()).append("\"\n");
    }

    private static void appendVariant(StringBuilder out, Variant variant) {
        VariantDescription d = variant.description();
        out.append("#EXT-X-STREAM-INF:");
        appendVariantAttributes(out, d);
        if (d.frameRate() != null) {
            // A decimal-floating-point "rounded to three decimal places" (RFC 8216 §4.3.4.2); half-up.
            out.append(",FRAME-RATE=");
            HlsNumbers.appendMillisAsSeconds(out, Math.round(d.frameRate().doubleValue() * 1000d));
        }
        if (d.audio() != null) {
            out.append(",AUDIO=\"").append(d.audio()).append('"');
        }
        if (d.subtitles() != null) {
            out.append(",SUBTITLES=\"").append(d.subtitles()).append('"');
        }
        out.append('\n').append(variant.uri()).append('\n');
    }

    /** BANDWIDTH, AVERAGE-BANDWIDTH, RESOLUTION and CODECS, shared with EXT-X-STREAM-INF (RFC 8216 §4.3.4.3). */
    private static void appendIFrameVariant(StringBuilder out, Variant variant) {
        out.append("#EXT-X-I-FRAME-STREAM-INF:");
        appendVariantAttributes(out, variant.description());
        out.append(",URI=\"").append(variant.uri()).append("\"\n");
    }

    private static void appendVariantAttributes(StringBuilder out, VariantDescription d) {
        out.append("BANDWIDTH=").append(d.bandwidth());
        if (d.averageBandwidth() != null) {
            out.append(",AVERAGE-BANDWIDTH=").append(d.averageBandwidth().longValue());
        }
        if (d.resolution() != null) {
            out.append(",RESOLUTION=").append(d.resolution());
        }
        if (d.codecs() != null) {
            out.append(",CODECS=\"").append(d.codecs()).append('"');
        }
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}
