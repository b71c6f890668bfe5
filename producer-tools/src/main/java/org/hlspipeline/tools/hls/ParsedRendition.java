package org.hlspipeline.tools.hls;

/** A rendition a master playlist lists with a media playlist of its own: a variant, or an alternative with a URI. */
public interface ParsedRendition {

    /** The line that names its media playlist. */
    int line();

    /** The media playlist's URI as the master playlist writes it. */
    String uri();
}
