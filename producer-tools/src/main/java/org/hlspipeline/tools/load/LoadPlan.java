package org.hlspipeline.tools.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.tools.cli.InputChecks;

/**
 * What a load run sends and how fast: N synthetic transcoders (streams) with R renditions each, every rendition
 * finishing one segment per segment duration.
 *
 * <p>Segment events are numbered 0, 1, 2, ... in the order they are sent. Event {@code j} is segment
 * {@code j / (N × R)} of rendition {@code j % R} of stream {@code (j / R) % N}: every rendition of a stream
 * finishes the same segment together, and the streams' segment boundaries are spread evenly over the segment
 * duration, as independent transcoders' would be. Event {@code j} is due {@code j / rate} seconds after the start.
 *
 * @param streams               number of streams (synthetic transcoders)
 * @param renditions            renditions per stream
 * @param segmentDurationMicros every segment's duration
 * @param stop                  when the run ends
 * @param pace                  how fast segment events are sent
 * @param prefix                stream ids are {@code <prefix>-0001}, {@code <prefix>-0002}, ...
 * @param startSequence         media sequence number of every rendition's first segment
 * @param baseUrl               prefix of the segment URIs, or empty for relative URIs
 * @param endStreams            send an EndOfStream per stream after the last segment
 */
public record LoadPlan(int streams, int renditions, long segmentDurationMicros, Stop stop, Pace pace,
                       String prefix, long startSequence, String baseUrl, boolean endStreams) {

    public static final int MAX_STREAMS = 100_000;
    public static final int MAX_RENDITIONS = 32;
    public static final double MAX_RATE = 10_000_000;
    /** The first renditions' names, from the top of a common ladder; more get {@code r07}, {@code r08}, ... */
    static final List<String> LADDER = List.of("1080p", "720p", "540p", "480p", "360p", "240p");

    /** When the run ends: after a number of segment events, or after a time. */
    public sealed interface Stop {
        record AfterEvents(long events) implements Stop {
        }

        record AfterTime(Duration time) implements Stop {
        }
    }

    /** How fast segment events go out. */
    public sealed interface Pace {
        /** As live transcoders would send them: N × R per segment duration. */
        record RealTime() implements Pace {
        }

        /** A fixed total rate. */
        record Fixed(double eventsPerSecond) implements Pace {
        }

        /** As fast as the producer and the cluster take them. */
        record Unthrottled() implements Pace {
        }
    }

    public LoadPlan {
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(pace, "pace");
        Objects.requireNonNull(prefix, "prefix");
        baseUrl = baseUrl == null ? "" : baseUrl;
    }

    /** Every rule the options must satisfy, as the messages the command prints (empty when the plan is valid). */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (streams < 1 || streams > MAX_STREAMS) {
            problems.add("--streams must be 1 to " + MAX_STREAMS + ", was " + streams);
        }
        if (renditions < 1 || renditions > MAX_RENDITIONS) {
            problems.add("--renditions must be 1 to " + MAX_RENDITIONS + ", was " + renditions);
        }
        InputChecks.durationProblem(segmentDurationMicros).map(p -> "--segment-duration: " + p)
                .ifPresent(problems::add);
        if (stop instanceof Stop.AfterEvents events && events.events() < 1) {
            problems.add("--events must be at least 1, was " + events.events());
        }
        if (stop instanceof Stop.AfterTime time && (time.time().isNegative() || time.time().isZero())) {
            problems.add("--duration must be greater than 0");
        }
        if (pace instanceof Pace.Fixed fixed
                && !(fixed.eventsPerSecond() > 0 && fixed.eventsPerSecond() <= MAX_RATE)) {
            problems.add("--rate must be greater than 0 and at most " + (long) MAX_RATE + " events/s, or max");
        }
        if (streams >= 1 && streams <= MAX_STREAMS) {
            InputChecks.idProblem("--prefix (as the stream id " + streamId(streams - 1) + ")",
                    streamId(streams - 1)).ifPresent(problems::add);
        }
        InputRules.sequenceProblem(startSequence).map(p -> "--start-sequence: " + p).ifPresent(problems::add);
        OptionalLong ticks = problems.isEmpty() ? plannedTicks() : OptionalLong.empty();
        if (ticks.isPresent()
                && ticks.getAsLong() - 1 > InputRules.MAX_SEQUENCE - startSequence) {
            problems.add("the last segment's sequence would pass 2^53: lower --start-sequence");
        }
        if (!baseUrl.isEmpty() && problems.isEmpty()) {
            InputRules.uriProblem(uri(streams - 1, renditions - 1, startSequence))
                    .map(p -> "--base-url: " + p).ifPresent(problems::add);
        }
        return problems;
    }

    /** Renditions in all: one segment event each per segment duration in real time. */
    public int renditionCount() {
        return streams * renditions;
    }

    /** N × R events per segment duration. */
    public double realTimeRate() {
        return renditionCount() * 1_000_000.0 / segmentDurationMicros;
    }

    /** Segment events per second, or empty when unthrottled. */
    public OptionalDouble rate() {
        if (pace instanceof Pace.Fixed fixed) {
            return OptionalDouble.of(fixed.eventsPerSecond());
        }
        if (pace instanceof Pace.RealTime) {
            return OptionalDouble.of(realTimeRate());
        }
        return OptionalDouble.empty();
    }

    /** When segment event {@code index} is due, in nanoseconds after the start (0 when unthrottled). */
    public long dueNanos(long index) {
        OptionalDouble rate = rate();
        return rate.isPresent() ? (long) Math.floor(index * 1e9 / rate.getAsDouble()) : 0;
    }

    /**
     * How many segment events the run sends if nothing fails: {@code --events}, or every event due before the end
     * of {@code --duration}; empty for an unthrottled run that stops at a time.
     */
    public OptionalLong plannedSegments() {
        if (stop instanceof Stop.AfterEvents events) {
            return OptionalLong.of(events.events());
        }
        OptionalDouble rate = rate();
        if (rate.isEmpty()) {
            return OptionalLong.empty();
        }
        long end = ((Stop.AfterTime) stop).time().toNanos();
        // The first index due at or after the end; the estimate may be off by one either way from rounding.
        long count = (long) Math.ceil(end / 1e9 * rate.getAsDouble());
        while (count > 0 && dueNanos(count - 1) >= end) {
            count--;
        }
        while (dueNanos(count) < end) {
            count++;
        }
        return OptionalLong.of(count);
    }

    /** Segments per rendition at most (the last one may be partial); empty when not known up front. */
    OptionalLong plannedTicks() {
        OptionalLong segments = plannedSegments();
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of((segments.getAsLong() + renditionCount() - 1) / renditionCount());
    }

    /** {@code load-0001} for stream 0: numbered from 1, at least four digits, all ids the same width. */
    public String streamId(int stream) {
        int width = Math.max(4, String.valueOf(streams).length());
        return prefix + "-" + String.format(Locale.ROOT, "%0" + width + "d", stream + 1);
    }

    public String renditionName(int rendition) {
        return rendition < LADDER.size() ? LADDER.get(rendition)
                : String.format(Locale.ROOT, "r%02d", rendition + 1);
    }

    /** Peak bits per second of a rendition: the ladder's, halving on down past it, never below 100 kb/s. */
    long bandwidth(int rendition) {
        long[] ladder = {6_000_000, 3_000_000, 2_000_000, 1_200_000, 800_000, 400_000};
        if (rendition < ladder.length) {
            return ladder[rendition];
        }
        return Math.max(100_000, ladder[ladder.length - 1] >> (rendition - ladder.length + 1));
    }

    Optional<String> resolution(int rendition) {
        String[] ladder = {"1920x1080", "1280x720", "960x540", "854x480", "640x360", "426x240"};
        return rendition < ladder.length ? Optional.of(ladder[rendition]) : Optional.empty();
    }

    /** {@code <base-url>load-0001/720p/42.ts}: the same stream, rendition and sequence always give the same URI. */
    public String uri(int stream, int rendition, long sequence) {
        return baseUrl + streamId(stream) + "/" + renditionName(rendition) + "/" + sequence + ".ts";
    }

    /** Stream index of segment event {@code index}. */
    int streamOf(long index) {
        return (int) ((index / renditions) % streams);
    }

    /** Rendition index of segment event {@code index}. */
    int renditionOf(long index) {
        return (int) (index % renditions);
    }

    /** Media sequence number of segment event {@code index}. */
    long sequenceOf(long index) {
        return startSequence + index / renditionCount();
    }
}
