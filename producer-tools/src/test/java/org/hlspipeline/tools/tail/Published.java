package org.hlspipeline.tools.tail;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.tools.RecordingPublisher;

/** Reads what a {@link RecordingPublisher} was asked to send, and waits for it. */
final class Published {

    private Published() {
    }

    static List<Object> payloads(RecordingPublisher publisher) {
        return publisher.sent.stream().map(sent -> ((StreamEvent) sent.value()).getPayload()).toList();
    }

    static List<Segment> segments(RecordingPublisher publisher) {
        return payloads(publisher).stream().filter(Segment.class::isInstance).map(Segment.class::cast).toList();
    }

    static List<Segment> segments(RecordingPublisher publisher, String rendition) {
        return segments(publisher).stream().filter(s -> s.getRendition().equals(rendition)).toList();
    }

    static List<RenditionInfo> renditionInfos(RecordingPublisher publisher) {
        return payloads(publisher).stream().filter(RenditionInfo.class::isInstance).map(RenditionInfo.class::cast)
                .toList();
    }

    static long ends(RecordingPublisher publisher) {
        return payloads(publisher).stream().filter(EndOfStream.class::isInstance).count();
    }

    static Segment segment(LivePlaylist.Made made, String rendition) {
        return Segment.newBuilder()
                .setRendition(rendition)
                .setSequence(made.sequence())
                .setDurationMicros(made.durationMicros())
                .setUri(made.uri())
                .setProgramDateTime(made.programDateTime())
                .setDiscontinuity(made.discontinuity())
                .build();
    }

    static List<Segment> segments(List<LivePlaylist.Made> made, String rendition) {
        return made.stream().map(m -> segment(m, rendition)).toList();
    }

    /** Waits (at most 10 s) until {@code condition} holds for what was published. */
    static void await(RecordingPublisher publisher, Predicate<RecordingPublisher> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(publisher)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; published so far: "
                        + payloads(publisher));
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static void awaitSegments(RecordingPublisher publisher, int count) {
        await(publisher, p -> segments(p).size() >= count, count + " segments");
    }
}
