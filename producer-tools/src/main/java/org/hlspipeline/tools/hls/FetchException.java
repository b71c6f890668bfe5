package org.hlspipeline.tools.hls;

/**
 * A playlist could not be read now: the file does not exist (yet), the server answered with an error or not at
 * all. Following a live playlist, this may pass; the caller decides how long to wait.
 */
public final class FetchException extends Exception {

    private final boolean missing;

    public FetchException(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    /** The playlist does not exist (no such file, HTTP 404 or 410), as opposed to an error reading it. */
    public boolean missing() {
        return missing;
    }
}
