package org.hlspipeline.tools.hls;

/**
 * A playlist that does not follow RFC 8216, or uses what the pipeline cannot carry. The message names the
 * playlist and the line, for the operator: {@code live/720p.m3u8 line 7: #EXTINF duration 'abc' is not a number}.
 */
public final class PlaylistException extends Exception {

    private final String source;
    private final int line;
    private final String problem;

    /**
     * @param source  the playlist as the user named it (a path or a URL)
     * @param line    1-based line number, or 0 when the problem is not on one line
     * @param problem what is wrong, without the location
     */
    public PlaylistException(String source, int line, String problem) {
        super(source + (line > 0 ? " line " + line : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** 1-based, or 0 when the problem concerns the whole playlist. */
    public int line() {
        return line;
    }

    /** The message without the source and line. */
    public String problem() {
        return problem;
    }
}
