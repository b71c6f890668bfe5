package org.hlspipeline.tools.hls;

/** An {@code EXT-X-MEDIA} of a master playlist (an alternative audio, video, subtitle or caption rendition). */
public record AlternateRendition(int line, String type, String groupId, String name, String uri) {
}
