package org.hlspipeline.schemas.json;

/**
 * A channel command or broadcast body that does not have the JSON form (docs/input-rules.md, JSON forms): an unknown type, a field of
 * the wrong kind, a missing required field. The message names the field's path, for instance
 * {@code items[0].vod.segmentDuration must be a number of seconds}; it is meant for a 400 problem's detail.
 */
public class InvalidCommandException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidCommandException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The path of the offending field ({@code items[0].vod.segmentDuration}), or "" for the body itself. */
    public String field() {
        return field;
    }
}
