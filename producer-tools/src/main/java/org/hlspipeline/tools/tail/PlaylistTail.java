package org.hlspipeline.tools.tail;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.cli.ToolClock;
import org.hlspipeline.tools.cli.ToolFailure;
import org.hlspipeline.tools.hls.FetchException;
import org.hlspipeline.tools.hls.ParsedMasterPlaylist;
import org.hlspipeline.tools.hls.ParsedMediaPlaylist;
import org.hlspipeline.tools.hls.Playlist;
import org.hlspipeline.tools.hls.PlaylistException;
import org.hlspipeline.tools.hls.PlaylistLocation;
import org.hlspipeline.tools.hls.PlaylistParser;
import org.hlspipeline.tools.publish.Delivery;
import org.hlspipeline.tools.publish.EventPublisher;
import org.hlspipeline.tools.publish.PublishException;
import org.hlspipeline.tools.publish.StreamEvents;

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
 * {@value PlaylistWatch#MALFORMED_READS} reads in a row ends the run. A playlist that slid past segments between two
 * reads is reported (the pipeline marks the missing sequences lost); one whose numbering goes back, or that gives a
 * published sequence another URI, stops the run: the transcoder started over, and the pipeline would refuse the new
 * segments.
 */
final class PlaylistTail {

    static final Duration DISCOVERY_POLL = Duration.ofMillis(250);
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final String END_REASON = "the playlist ended (#EXT-X-ENDLIST)";

    private final TailOptions options;
    private final EventPublisher publisher;
    private final String topic;
    private final PrintWriter out;
    private final PrintWriter err;
    private final String prefix;
    private final ToolClock clock;
    private final RenditionTail.Target target;

    private Duration interval;
    private List<RenditionTail> renditions;
    private byte[] candidateMaster;
    private long lastNewSegment;
    private int segmentsPublished;
    private int infosPublished;

    PlaylistTail(TailOptions options, EventPublisher publisher, String topic, TailState state, PrintWriter out,
                 PrintWriter err, String prefix, ToolClock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.out = out;
        this.err = err;
        this.prefix = prefix;
        this.clock = clock;
        this.interval = options.interval();
        this.target = new RenditionTail.Target(options.stream(), options.input().uris(),
                Objects.requireNonNull(state, "state"), new RenditionTail.Output() {
            @Override
            public void publish(StreamEvent event, String description) throws PublishException {
                PlaylistTail.this.publish(event, description);
            }

            @Override
            public void note(String message) {
                PlaylistTail.this.note(message);
            }
        });
    }

    /**
     * Follows until the end of the playlist ({@link ExitCodes#OK} once the end of stream is acknowledged), or after
     * one read of every playlist with {@code --once}.
     */
    int run() throws PublishException, ToolFailure, InterruptedException {
        lastNewSegment = clock.nanoTime();
        PlaylistWatch inputWatch = watch();
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
            for (RenditionTail rendition : renditions) {
                if (!rendition.ended()) {
                    poll(rendition);
                }
                allEnded &= rendition.ended();
                allRead &= rendition.readOnce();
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
            for (RenditionTail rendition : renditions) {
                if (!rendition.ended()) {
                    rendition.watch().checkWait();
                }
            }
            if (options.idleTimeout() != null && clock.nanoTime() - lastNewSegment > options.idleTimeout().toNanos()) {
                throw ToolFailure.input("no new segment for " + TailOptions.seconds(options.idleTimeout())
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
    private void discover(PlaylistWatch watch) throws ToolFailure, PublishException {
        PlaylistLocation input = options.input().location();
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
        if (playlist instanceof ParsedMediaPlaylist media) {
            RenditionTail rendition = new RenditionTail(options.input().mediaRendition(), input, null, watch, target);
            renditions = List.of(rendition);
            process(rendition, media);
            return;
        }
        ParsedMasterPlaylist master = (ParsedMasterPlaylist) playlist;
        options.input().checkMaster();
        // A master playlist is taken once two reads agree, so that a half-written one never hides a variant.
        if (candidateMaster == null || !Arrays.equals(candidateMaster, content)) {
            candidateMaster = content;
            watch.good();
            return;
        }
        watch.good();
        startMaster(master);
    }

    private void startMaster(ParsedMasterPlaylist master) throws ToolFailure, PublishException {
        List<MasterRenditions.Followed> named = MasterRenditions.of(master, options, this::note);
        List<RenditionTail> followed = new ArrayList<>();
        for (MasterRenditions.Followed rendition : named) {
            followed.add(new RenditionTail(rendition.name(), rendition.location(), rendition.reference(), watch(),
                    target));
        }
        for (MasterRenditions.Followed rendition : named) {
            publish(rendition.info(), "rendition info " + options.stream() + "/" + rendition.name());
            infosPublished++;
        }
        renditions = List.copyOf(followed);
    }

    private void poll(RenditionTail rendition) throws ToolFailure, PublishException {
        Playlist playlist;
        try {
            byte[] content = rendition.location().read();
            playlist = PlaylistParser.parse(content, rendition.location().toString(), PlaylistParser.Mode.GROWING);
        } catch (FetchException e) {
            rendition.watch().problem(e.getMessage());
            return;
        } catch (PlaylistException e) {
            rendition.watch().malformed(e);
            return;
        }
        if (playlist == null) {
            rendition.watch().problem(rendition.location() + " is empty or has no segment yet");
            return;
        }
        if (playlist instanceof ParsedMasterPlaylist) {
            throw ToolFailure.input(rendition.location() + " is a master playlist, but the master playlist "
                    + options.input().location() + " lists it as the media playlist of rendition " + rendition.name());
        }
        process(rendition, (ParsedMediaPlaylist) playlist);
    }

    private void process(RenditionTail rendition, ParsedMediaPlaylist playlist) throws ToolFailure, PublishException {
        if (interval == null) {
            Duration half = Duration.ofMillis(playlist.playlist().targetDurationSeconds() * 500);
            interval = half.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : half;
        }
        RenditionTail.Read read = rendition.read(playlist);
        if (read.newSequences() > 0) {
            lastNewSegment = clock.nanoTime();
        }
        segmentsPublished += read.published();
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

    private PlaylistWatch watch() {
        return new PlaylistWatch(clock, options.waitLimit());
    }
}
