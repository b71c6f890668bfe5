package org.hlspipeline.tools.tail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.SegmentMedia;
import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.InputChecks;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.hls.ParsedMediaPlaylist;
import org.hlspipeline.tools.hls.ParsedSegment;
import org.hlspipeline.tools.hls.PlaylistLocation;
import org.hlspipeline.tools.hls.PublishedUris;
import org.hlspipeline.tools.publish.PublishException;
import org.hlspipeline.tools.publish.StreamEvents;

/**
 * One rendition's media playlist as {@code tail} follows it: what of it was published, and how each new read of
 * it becomes segment events. A segment's sequence is the playlist's {@code EXT-X-MEDIA-SEQUENCE} plus its position,
 * never a count kept here, which is what makes a restarted run publish the same events.
 */
final class RenditionTail {

    /** Where the events and the notes of a rendition go. */
    interface Output {
        void publish(StreamEvent event, String description) throws PublishException;

        void note(String message);
    }

    /** What the run shares between its renditions. */
    record Target(String stream, PublishedUris uris, TailState state, Output output) {
    }

    /**
     * What one read brought.
     *
     * @param newSequences segments not seen before, published or not (a gap, an invalid duration)
     * @param published    segment events published
     */
    record Read(int newSequences, int published) {
    }

    private static final int REMEMBERED_URIS = 4096;

    private final String name;
    private final PlaylistLocation location;
    /** The URI the master playlist gives it, or null when it is the playlist given. */
    private final String reference;
    private final PlaylistWatch watch;
    private final Target target;
    /** URIs of the latest published sequences, to recognise a playlist that started over. */
    private final Map<Long, String> published = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED_URIS;
        }
    };
    private Long lastPublished;
    private Long lastMediaSequence;
    private boolean readOnce;
    private boolean ended;
    private boolean behindStateNoted;

    RenditionTail(String name, PlaylistLocation location, String reference, PlaylistWatch watch, Target target) {
        this.name = name;
        this.location = location;
        this.reference = reference;
        this.watch = watch;
        this.target = target;
        this.lastPublished = target.state().lastPublished(name);
    }

    String name() {
        return name;
    }

    PlaylistLocation location() {
        return location;
    }

    PlaylistWatch watch() {
        return watch;
    }

    boolean readOnce() {
        return readOnce;
    }

    boolean ended() {
        return ended;
    }

    /** Publishes what this version of the playlist adds to what was published before. */
    Read read(ParsedMediaPlaylist playlist) throws ToolFailure, PublishException {
        watch.good();
        readOnce = true;
        // A playlist without segments (say, caught after its header was written) says nothing about the numbering.
        if (playlist.segments().isEmpty()) {
            refuseWhereRefused(playlist);
            ended = playlist.endList();
            return new Read(0, 0);
        }
        String where = location.toString();
        if (lastMediaSequence != null && playlist.playlist().mediaSequence() < lastMediaSequence) {
            throw ToolFailure.input(where + ": #EXT-X-MEDIA-SEQUENCE went back from " + lastMediaSequence
                    + " to " + playlist.playlist().mediaSequence() + ": the transcoder started the playlist over, and the "
                    + "pipeline would refuse its new segments. Publish the new run as another stream (--stream), "
                    + "or have the transcoder continue the numbering (ffmpeg: -hls_flags append_list or "
                    + "-start_number)");
        }
        lastMediaSequence = playlist.playlist().mediaSequence();
        int newSequences = 0;
        int publishedNow = 0;
        List<ParsedSegment> segments = playlist.segments();
        for (int i = 0; i < segments.size(); i++) {
            ParsedSegment segment = segments.get(i);
            long sequence = playlist.sequenceOf(i);
            String uri = publishedUri(segment, segment.segment().uri(), "segment URI");
            // The initialisation section and key travel with each segment, their URIs published like its own.
            SegmentMedia media = new SegmentMedia(segment.map() == null ? null : new InitSection(
                    publishedUri(segment, segment.map().uri(), "map URI"), segment.map().byteRange()),
                    segment.segment().media().byteRange(), segment.key() == null ? null : new SegmentKey(
                    segment.key().method(), keyUri(segment, segment.key().uri()), segment.key().iv(),
                    segment.key().keyFormat(), segment.key().keyFormatVersions()));
            Long last = lastPublished;
            if (last != null && sequence <= last) {
                checkSameAsPublished(segment, sequence, uri);
                continue;
            }
            Optional<String> sequenceProblem = InputRules.sequenceProblem(sequence);
            if (sequenceProblem.isPresent()) {
                throw ToolFailure.input(where + " line " + segment.line() + ": " + sequenceProblem.get());
            }
            if (last != null && sequence > last + 1) {
                note(where + ": segments #" + (last + 1) + (sequence - 1 > last + 1 ? " to #" + (sequence - 1) : "")
                        + " of rendition " + name + " left the playlist before they were read; the "
                        + "pipeline will mark them lost (poll more often with --interval)");
            }
            lastPublished = sequence;
            published.put(sequence, uri);
            newSequences++;
            if (publish(segment, sequence, uri, media)) {
                publishedNow++;
            }
            target.state().published(name, sequence);
        }
        noteWhenBehindState(playlist);
        refuseWhereRefused(playlist);
        ended = playlist.endList();
        return new Read(newSequences, publishedNow);
    }

    /** The segments before a refused one are published; the playlist stops being followed there. */
    private static void refuseWhereRefused(ParsedMediaPlaylist playlist) throws ToolFailure {
        if (playlist.refusal() != null) {
            throw ToolFailure.input(playlist.refusal().getMessage());
        }
    }

    /** A sequence published before must still have the same URI, or the transcoder started over. */
    private void checkSameAsPublished(ParsedSegment segment, long sequence, String uri) throws ToolFailure {
        String earlier = published.get(sequence);
        if (earlier != null && !earlier.equals(uri)) {
            throw ToolFailure.input(location + " line " + segment.line() + ": segment #" + sequence + " is now "
                    + uri + " but was published as " + earlier + ": the transcoder started the playlist "
                    + "over, and the pipeline would refuse its new segments. Publish the new run as "
                    + "another stream (--stream), or have the transcoder continue the numbering");
        }
    }

    /** Publishes one new segment, unless the pipeline would refuse it; says which. */
    private boolean publish(ParsedSegment segment, long sequence, String uri, SegmentMedia media)
            throws PublishException {
        String where = location + " line " + segment.line() + ": segment #" + sequence;
        if (segment.segment().gap()) {
            note(where + " is marked #EXT-X-GAP; not published");
            return false;
        }
        Optional<String> durationProblem = InputChecks.durationProblem(segment.segment().durationMicros());
        if (durationProblem.isPresent()) {
            note(where + " is not published: " + durationProblem.get());
            return false;
        }
        target.output().publish(StreamEvents.segment(target.stream(), null, name, sequence,
                segment.segment().durationMicros(), uri, segment.segment().programDateTime(),
                segment.segment().discontinuity(), media), "segment " + target.stream() + "/" + name + " #" + sequence);
        return true;
    }

    private void noteWhenBehindState(ParsedMediaPlaylist playlist) {
        long newest = playlist.sequenceOf(playlist.segments().size() - 1);
        if (lastPublished != null && lastPublished > newest && !behindStateNoted) {
            behindStateNoted = true;
            note(location + ": the state file says segment #" + lastPublished + " of rendition " + name
                    + " was published, but the playlist ends at #" + newest + "; waiting for newer segments");
        }
    }

    /** A DRM system's key URI ({@code skd://…}, {@code data:…}) passes as written; a key server's is resolved. */
    private String keyUri(ParsedSegment segment, String written) throws ToolFailure {
        return PublishedUris.keyPassesAsWritten(written) ? written : publishedUri(segment, written, "key URI");
    }

    private String publishedUri(ParsedSegment segment, String written, String what) throws ToolFailure {
        String where = location + " line " + segment.line() + ": ";
        String uri;
        try {
            uri = target.uris().of(reference, written);
        } catch (IllegalArgumentException e) {
            throw ToolFailure.input(where + what + " " + e.getMessage());
        }
        Optional<String> problem = InputRules.uriProblem(uri);
        if (problem.isPresent()) {
            throw ToolFailure.input(where + what + " '" + uri + "' cannot be published: " + problem.get());
        }
        return uri;
    }

    private void note(String message) {
        target.output().note(message);
    }
}
