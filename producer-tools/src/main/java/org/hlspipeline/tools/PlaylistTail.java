package org.hlspipeline.tools;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.hls.AlternateRendition;
import org.hlspipeline.tools.hls.FetchException;
import org.hlspipeline.tools.hls.MasterPlaylist;
import org.hlspipeline.tools.hls.MediaPlaylist;
import org.hlspipeline.tools.hls.MediaSegment;
import org.hlspipeline.tools.hls.Playlist;
import org.hlspipeline.tools.hls.PlaylistException;
import org.hlspipeline.tools.hls.PlaylistLocation;
import org.hlspipeline.tools.hls.PlaylistParser;
import org.hlspipeline.tools.hls.Variant;

/**
 * Follows a media or master playlist that a transcoder is writing and publishes what it says, exactly once per
 * segment within a run, and identically across runs.
 *
 * <p><b>Why a restart cannot publish differently.</b> A segment's sequence is not counted by the tool: it is the
 * playlist's {@code EXT-X-MEDIA-SEQUENCE} plus the segment's position, so whoever reads the same playlist gets the
 * same (sequence, URI, duration) for every segment. On start, everything in the current playlist is published; what
 * an earlier run already sent arrives again as a duplicate, which the pipeline ignores. With a state file, not even
 * the duplicates are sent.
 *
 * <p><b>A playlist being written.</b> Only complete lines are read, segment tags count only once their URI line is
 * there, a file that changes while read is read again, and a malformed read is retried: only the same error on
 * {@value #MALFORMED_READS} reads in a row ends the run. A playlist that slid past segments between two reads is
 * reported (the pipeline marks the missing sequences lost); one whose numbering goes back, or that gives a published
 * sequence another URI, stops the run: the transcoder started over, and the pipeline would refuse the new segments.
 */
final class PlaylistTail {

    /** What {@code tail} was told. */
    record Options(String stream, PlaylistLocation input, String rendition, Map<String, String> renditionNames,
                   PublishedUris uris, Duration interval, Duration waitLimit, Duration idleTimeout, boolean once,
                   boolean quiet) {
    }

    /** Time, replaceable in tests. */
    interface Clock {
        long nanos();

        void sleep(Duration duration) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }

    static final int MALFORMED_READS = 3;
    static final Duration DISCOVERY_POLL = Duration.ofMillis(250);
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final String END_REASON = "the playlist ended (#EXT-X-ENDLIST)";
    private static final int REMEMBERED_URIS = 4096;

    private final Options options;
    private final EventPublisher publisher;
    private final String topic;
    private final TailState state;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String prefix;
    private final Clock clock;

    private Duration interval;
    private List<Rendition> renditions;
    private byte[] candidateMaster;
    private long lastNewSegment;
    private int segmentsPublished;
    private int infosPublished;

    PlaylistTail(Options options, EventPublisher publisher, String topic, TailState state, PrintWriter out,
                 PrintWriter err, String prefix, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.state = Objects.requireNonNull(state, "state");
        this.out = out;
        this.err = err;
        this.prefix = prefix;
        this.clock = clock;
        this.interval = options.interval();
    }

    /** One playlist being followed: a rendition's media playlist. */
    private final class Rendition {
        final String name;
        final PlaylistLocation location;
        /** The URI the master playlist gives it, or null when it is the playlist given. */
        final String reference;
        final Watch watch;
        final Map<Long, String> published = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
                return size() > REMEMBERED_URIS;
            }
        };
        Long lastPublished;
        Long lastMediaSequence;
        boolean readOnce;
        boolean ended;
        boolean mapNoted;
        boolean behindStateNoted;

        Rendition(String name, PlaylistLocation location, String reference, Watch watch) {
            this.name = name;
            this.location = location;
            this.reference = reference;
            this.watch = watch;
            this.lastPublished = state.lastPublished(name);
        }
    }

    /** How long a playlist has been unreadable, and why. */
    private final class Watch {
        final PlaylistLocation location;
        long lastGood;
        String problem;
        String malformed;
        int malformedReads;

        Watch(PlaylistLocation location) {
            this.location = location;
            this.lastGood = clock.nanos();
        }

        void good() {
            lastGood = clock.nanos();
            problem = null;
            malformed = null;
            malformedReads = 0;
        }

        void problem(String message) {
            problem = message;
        }

        void malformed(PlaylistException e) throws ToolFailure {
            if (e.getMessage().equals(malformed)) {
                malformedReads++;
            } else {
                malformed = e.getMessage();
                malformedReads = 1;
            }
            problem = e.getMessage();
            if (malformedReads >= MALFORMED_READS) {
                throw ToolFailure.input(e.getMessage());
            }
        }

        void checkWait() throws ToolFailure {
            if (problem != null && clock.nanos() - lastGood > options.waitLimit().toNanos()) {
                throw ToolFailure.input(problem + " (waited " + seconds(options.waitLimit()) + " s, see --wait)");
            }
        }
    }

    /**
     * Follows until the end of the playlist ({@link ExitCodes#OK} once the end of stream is acknowledged), or after
     * one read of every playlist with {@code --once}.
     */
    int run() throws PublishException, ToolFailure, InterruptedException {
        lastNewSegment = clock.nanos();
        Watch inputWatch = new Watch(options.input());
        while (renditions == null) {
            discover(inputWatch);
            if (renditions == null) {
                inputWatch.checkWait();
                clock.sleep(pollInterval());
            }
        }
        while (true) {
            boolean allEnded = true;
            boolean allRead = true;
            for (Rendition rendition : renditions) {
                if (!rendition.ended) {
                    poll(rendition);
                }
                allEnded &= rendition.ended;
                allRead &= rendition.readOnce;
            }
            if (allEnded) {
                publish(StreamEvents.end(options.stream(), null, END_REASON), "end of stream " + options.stream());
                summary("end of stream published");
                return ExitCodes.OK;
            }
            if (options.once() && allRead) {
                summary("stopped after one read (--once)");
                return ExitCodes.OK;
            }
            for (Rendition rendition : renditions) {
                if (!rendition.ended) {
                    rendition.watch.checkWait();
                }
            }
            if (options.idleTimeout() != null && clock.nanos() - lastNewSegment > options.idleTimeout().toNanos()) {
                throw ToolFailure.input("no new segment for " + seconds(options.idleTimeout())
                        + " s (--idle-timeout); has the transcoder stopped? The stream was not ended: if it is "
                        + "over, run: producer-tools end --stream " + options.stream());
            }
            clock.sleep(pollInterval());
        }
    }

    private Duration pollInterval() {
        if (interval != null) {
            return interval;
        }
        return options.interval() != null && options.interval().compareTo(DISCOVERY_POLL) < 0
                ? options.interval() : DISCOVERY_POLL;
    }

    /** Reads the playlist given, until it says whether it is a media or a master playlist. */
    private void discover(Watch watch) throws ToolFailure, PublishException {
        PlaylistLocation input = options.input();
        byte[] content;
        Playlist playlist;
        try {
            content = input.read();
            playlist = PlaylistParser.parse(content, input.toString(), PlaylistParser.Mode.GROWING);
        } catch (FetchException e) {
            watch.problem(e.getMessage());
            return;
        } catch (PlaylistException e) {
            watch.malformed(e);
            return;
        }
        if (playlist == null) {
            watch.problem(input + " is empty or has no segment yet");
            return;
        }
        if (playlist instanceof MediaPlaylist media) {
            if (options.rendition() == null) {
                throw ToolFailure.usage(input + " is a media playlist: name its rendition with --rendition");
            }
            if (!options.renditionNames().isEmpty()) {
                throw ToolFailure.usage("--rendition-names names the variants of a master playlist, but " + input
                        + " is a media playlist; use --rendition");
            }
            Rendition rendition = new Rendition(options.rendition(), input, null, watch);
            renditions = List.of(rendition);
            process(rendition, media);
            return;
        }
        MasterPlaylist master = (MasterPlaylist) playlist;
        if (options.rendition() != null) {
            throw ToolFailure.usage(input + " is a master playlist: its renditions are named after the variants "
                    + "(or by --rendition-names); --rendition is for a media playlist");
        }
        // A master playlist is taken once two reads agree, so that a half-written one never hides a variant.
        if (candidateMaster == null || !Arrays.equals(candidateMaster, content)) {
            candidateMaster = content;
            watch.good();
            return;
        }
        watch.good();
        startMaster(master);
    }

    private void startMaster(MasterPlaylist master) throws ToolFailure, PublishException {
        PlaylistLocation input = options.input();
        Map<String, Variant> named = RenditionNames.assign(master, options.renditionNames(), input.toString());
        for (AlternateRendition alternate : master.alternates()) {
            if (alternate.uri() != null) {
                note(input + " line " + alternate.line() + ": the alternative " + alternate.type() + " rendition "
                        + alternate.name() + " (" + alternate.uri() + ") is not followed: the pipeline's master "
                        + "playlists list variants only");
            }
        }
        List<Rendition> followed = new ArrayList<>();
        List<StreamEvent> infos = new ArrayList<>();
        for (Map.Entry<String, Variant> entry : named.entrySet()) {
            String name = entry.getKey();
            Variant variant = entry.getValue();
            Optional<String> problem = EventRules.renditionAttributesProblem(variant.bandwidth(),
                    variant.averageBandwidth(), variant.resolution(), variant.codecs(), variant.frameRate());
            if (problem.isPresent()) {
                throw ToolFailure.input(input + " line " + variant.line() + ": " + problem.get());
            }
            PlaylistLocation location;
            try {
                location = input.resolve(variant.uri());
            } catch (IllegalArgumentException e) {
                throw ToolFailure.input(input + " line " + variant.line() + ": " + e.getMessage());
            }
            followed.add(new Rendition(name, location, variant.uri(), new Watch(location)));
            infos.add(StreamEvents.renditionInfo(options.stream(), null, name, variant.bandwidth(),
                    variant.averageBandwidth(), variant.resolution(), variant.codecs(), variant.frameRate()));
        }
        for (int i = 0; i < infos.size(); i++) {
            publish(infos.get(i), "rendition info " + options.stream() + "/" + followed.get(i).name);
            infosPublished++;
        }
        renditions = List.copyOf(followed);
    }

    private void poll(Rendition rendition) throws ToolFailure, PublishException {
        Playlist playlist;
        try {
            byte[] content = rendition.location.read();
            playlist = PlaylistParser.parse(content, rendition.location.toString(), PlaylistParser.Mode.GROWING);
        } catch (FetchException e) {
            rendition.watch.problem(e.getMessage());
            return;
        } catch (PlaylistException e) {
            rendition.watch.malformed(e);
            return;
        }
        if (playlist == null) {
            rendition.watch.problem(rendition.location + " is empty or has no segment yet");
            return;
        }
        if (playlist instanceof MasterPlaylist) {
            throw ToolFailure.input(rendition.location + " is a master playlist, but the master playlist "
                    + options.input() + " lists it as the media playlist of rendition " + rendition.name);
        }
        process(rendition, (MediaPlaylist) playlist);
    }

    private void process(Rendition rendition, MediaPlaylist playlist) throws ToolFailure, PublishException {
        rendition.watch.good();
        rendition.readOnce = true;
        if (interval == null) {
            Duration half = Duration.ofMillis(playlist.targetDurationSeconds() * 500);
            interval = half.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : half;
        }
        String where = rendition.location.toString();
        // A playlist without segments (say, caught after its header was written) says nothing about the numbering.
        if (playlist.segments().isEmpty()) {
            if (playlist.endList()) {
                rendition.ended = true;
            }
            return;
        }
        if (rendition.lastMediaSequence != null && playlist.mediaSequence() < rendition.lastMediaSequence) {
            throw ToolFailure.input(where + ": #EXT-X-MEDIA-SEQUENCE went back from " + rendition.lastMediaSequence
                    + " to " + playlist.mediaSequence() + ": the transcoder started the playlist over, and the "
                    + "pipeline would refuse its new segments. Publish the new run as another stream (--stream), "
                    + "or have the transcoder continue the numbering (ffmpeg: -hls_flags append_list or "
                    + "-start_number)");
        }
        rendition.lastMediaSequence = playlist.mediaSequence();
        List<MediaSegment> segments = playlist.segments();
        for (int i = 0; i < segments.size(); i++) {
            MediaSegment segment = segments.get(i);
            long sequence = playlist.sequenceOf(i);
            String uri = publishedUri(rendition, segment);
            if (segment.mapUri() != null && !rendition.mapNoted) {
                rendition.mapNoted = true;
                note(where + ": rendition " + rendition.name + " is fMP4 with the initialization section "
                        + segment.mapUri() + " (#EXT-X-MAP); the pipeline publishes the media segments only, and "
                        + "its playlists carry no #EXT-X-MAP, so players need a format without one (MPEG-TS)");
            }
            Long last = rendition.lastPublished;
            if (last != null && sequence <= last) {
                String earlier = rendition.published.get(sequence);
                if (earlier != null && !earlier.equals(uri)) {
                    throw ToolFailure.input(where + " line " + segment.line() + ": segment #" + sequence + " is now "
                            + uri + " but was published as " + earlier + ": the transcoder started the playlist "
                            + "over, and the pipeline would refuse its new segments. Publish the new run as "
                            + "another stream (--stream), or have the transcoder continue the numbering");
                }
                continue;
            }
            Optional<String> sequenceProblem = EventRules.sequenceProblem(sequence);
            if (sequenceProblem.isPresent()) {
                throw ToolFailure.input(where + " line " + segment.line() + ": " + sequenceProblem.get());
            }
            if (last != null && sequence > last + 1) {
                note(where + ": segments #" + (last + 1) + (sequence - 1 > last + 1 ? " to #" + (sequence - 1) : "")
                        + " of rendition " + rendition.name + " left the playlist before they were read; the "
                        + "pipeline will mark them lost (poll more often with --interval)");
            }
            rendition.lastPublished = sequence;
            rendition.published.put(sequence, uri);
            lastNewSegment = clock.nanos();
            if (segment.gap()) {
                note(where + " line " + segment.line() + ": segment #" + sequence + " is marked #EXT-X-GAP; not "
                        + "published");
                state.published(rendition.name, sequence);
                continue;
            }
            Optional<String> durationProblem = EventRules.durationProblem(segment.durationMicros());
            if (durationProblem.isPresent()) {
                note(where + " line " + segment.line() + ": segment #" + sequence + " is not published: "
                        + durationProblem.get());
                state.published(rendition.name, sequence);
                continue;
            }
            publish(StreamEvents.segment(options.stream(), null, rendition.name, sequence, segment.durationMicros(),
                    uri, segment.programDateTime(), segment.discontinuity()),
                    "segment " + options.stream() + "/" + rendition.name + " #" + sequence);
            segmentsPublished++;
            state.published(rendition.name, sequence);
        }
        Long last = rendition.lastPublished;
        if (!segments.isEmpty() && last != null && last > playlist.sequenceOf(segments.size() - 1)
                && !rendition.behindStateNoted) {
            rendition.behindStateNoted = true;
            note(where + ": the state file says segment #" + last + " of rendition " + rendition.name
                    + " was published, but the playlist ends at #" + playlist.sequenceOf(segments.size() - 1)
                    + "; waiting for newer segments");
        }
        if (playlist.endList()) {
            rendition.ended = true;
        }
    }

    private String publishedUri(Rendition rendition, MediaSegment segment) throws ToolFailure {
        String where = rendition.location + " line " + segment.line() + ": ";
        Optional<String> written = EventRules.uriProblem(segment.uri());
        if (written.isPresent()) {
            throw ToolFailure.input(where + "segment URI '" + segment.uri() + "' cannot be published: "
                    + written.get());
        }
        String uri;
        try {
            uri = options.uris().of(rendition.reference, segment.uri());
        } catch (IllegalArgumentException e) {
            throw ToolFailure.input(where + "segment URI " + e.getMessage());
        }
        Optional<String> problem = EventRules.uriProblem(uri);
        if (problem.isPresent()) {
            throw ToolFailure.input(where + "segment URI '" + uri + "' cannot be published: " + problem.get());
        }
        return uri;
    }

    private void publish(StreamEvent event, String description) throws PublishException {
        Delivery delivery = publisher.publish(topic, options.stream(), event);
        if (!options.quiet()) {
            out.println("published " + description + " to " + delivery);
            out.flush();
        }
    }

    private void note(String message) {
        err.println(prefix + ": note: " + message);
        err.flush();
    }

    private void summary(String how) {
        out.println("tail " + options.stream() + ": " + segmentsPublished + " segment"
                + (segmentsPublished == 1 ? "" : "s") + " and " + infosPublished + " rendition info"
                + (infosPublished == 1 ? "" : "s") + " published from " + renditions.size() + " rendition"
                + (renditions.size() == 1 ? "" : "s") + "; " + how);
        out.flush();
    }

    private static String seconds(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
