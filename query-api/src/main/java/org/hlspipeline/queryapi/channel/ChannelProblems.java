package org.hlspipeline.queryapi.channel;


import org.hlspipeline.queryapi.http.Problems;
import org.hlspipeline.schemas.json.InvalidCommandException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

/** The channel API's problem answers (RFC 9457), on top of {@link Problems}. */
final class ChannelProblems {

    private ChannelProblems() {
    }

    static ErrorResponseException unknownChannel(String channelId) {
        return Problems.notFound("No channel '" + channelId + "'");
    }

    static ErrorResponseException notConfigured(String channelId) {
        return Problems.notFound("Channel '" + channelId + "' is not configured yet: a configure command takes "
                + "effect at its effective time (at the earliest hls.channel.command-lead after it is received)");
    }

    static ErrorResponseException unknownRendition(String channelId, String rendition) {
        return Problems.notFound("Channel '" + channelId + "' has no rendition '" + rendition + "' in its ladder");
    }

    /**
     * A configured channel that has aired nothing yet (no filler and nothing queued, or its first boundary
     * still ahead): 404 rather than a playlist without segments, which some players treat as fatal, with a
     * Retry-After of the target duration, which is how soon a segment can appear.
     */
    static ErrorResponseException nothingAired(String channelId, int targetDurationSeconds) {
        ErrorResponseException problem = Problems.notFound("Channel '" + channelId + "' has not aired a segment "
                + "yet: enqueue items, or configure a filler");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(Math.max(1, targetDurationSeconds)));
        return problem;
    }

    /** A command or broadcast whose JSON form is wrong; the problem names the field in {@code field}. */
    static ErrorResponseException invalid(InvalidCommandException e) {
        ErrorResponseException problem = Problems.badRequest(e.getMessage());
        problem.getBody().setProperty("field", e.field());
        return problem;
    }

    /** A command or broadcast that breaks a rule of the channel (ChannelCommandCheck's reason). */
    static ErrorResponseException rejected(String reason) {
        return Problems.badRequest(reason);
    }
}
