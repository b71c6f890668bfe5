package org.hlspipeline.processor.hls;

/**
 * What a rendition is to the master playlist: a VIDEO rendition is a variant stream (EXT-X-STREAM-INF, or
 * EXT-X-I-FRAME-STREAM-INF for an I-frame playlist); AUDIO and SUBTITLES renditions are alternatives in a group
 * (EXT-X-MEDIA, RFC 8216 §4.3.4.1) that variants name.
 */
public enum RenditionType {
    VIDEO, AUDIO, SUBTITLES
}
