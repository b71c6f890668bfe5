package org.hlspipeline.queryapi.stream;

import org.hlspipeline.queryapi.http.RenditionJson;
import org.hlspipeline.processor.window.StreamState;

import java.time.Instant;
import java.util.List;

/**
 * The JSON of {@code GET /api/streams}: one page of streams across all instances, in id order.
 *
 * @param truncated            more streams follow; {@code next} is the path of the next page
 * @param unavailableInstances instances that did not answer: their streams are missing from this page
 */
record StreamListing(List<Summary> streams, boolean truncated, String next, List<String> unavailableInstances) {

    /**
     * One stream, from its stream record alone (no window is read, so a page stays one read per stream).
     *
     * @param master       the master playlist's path, or null while no rendition is both described and has
     *                     segments (it would answer 404): play a rendition's playlist instead
     * @param lastActivity when its last event was applied
     * @param unavailable  no instance could answer for it just now (its other fields but the paths are then null)
     */
    record Summary(String streamId, Boolean ended, List<Rendition> renditions, String master, Instant lastActivity,
                   String api, boolean unavailable) {

        static Summary of(StreamState stream) {
            String id = stream.streamId();
            java.util.SortedSet<String> known = new java.util.TreeSet<>(stream.renditions());
            known.addAll(stream.descriptions().keySet());
            List<Rendition> renditions = known.stream().map(name -> new Rendition(name,
                    stream.renditions().contains(name) ? playlistPath(id, name) : null,
                    RenditionJson.of(stream.descriptions().get(name)))).toList();
            return new Summary(id, stream.ended(), renditions,
                    stream.hasPlayableRendition() ? masterPath(id) : null,
                    Instant.ofEpochMilli(stream.lastActivityMillis()), apiPath(id), false);
        }

        static Summary unavailable(String streamId) {
            return new Summary(streamId, null, null, null, null, apiPath(streamId), true);
        }
    }

    /**
     * A rendition: its media playlist's path (null until it has segments) and its description (null until a
     * RenditionInfo names it).
     */
    record Rendition(String name, String playlist, java.util.Map<String, Object> description) {
    }

    static String apiPath(String streamId) {
        return "/api/streams/" + streamId;
    }

    static String masterPath(String streamId) {
        return "/streams/" + streamId + "/master.m3u8";
    }

    static String playlistPath(String streamId, String rendition) {
        return "/streams/" + streamId + "/renditions/" + rendition + "/playlist.m3u8";
    }
}
