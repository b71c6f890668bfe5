package org.hlspipeline.processor.ingest;

import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.window.RenditionWindow;
import org.hlspipeline.processor.window.StreamState;
import org.hlspipeline.processor.window.RenditionWindow.WindowChange;
import org.hlspipeline.processor.window.WindowSegment;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.kafka.RecordOutcomes;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.hlspipeline.processor.kafka.DueIndex;
import org.hlspipeline.processor.kafka.HeldRecords;
import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.processor.kafka.TaskClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts stream events to the window domain: decode, validate, load, apply, store, report. Every decision is
 * made by {@link RenditionWindow} and {@link StreamState}; this class only moves values in and out of stores.
 *
 * <p>Time-based decisions (gap deadlines, idle expiry) use the {@link TaskClock}: the task's stream time while
 * records flow, so a replay decides exactly as the live run did, and the wall clock only once the task is idle.
 *
 * <p>Records that cannot be applied go, with their original bytes, to the dead-letter child node; the processor
 * never throws for one bad record.
 */
final class StreamEventProcessor implements Processor<String, byte[], String, byte[]> {

    static final String DEAD_LETTER_CHILD = "dead-letter-sink";

    private static final Logger log = LoggerFactory.getLogger(StreamEventProcessor.class);
    /** Stream activity is persisted at this granularity: a TTL measured in hours needs no per-segment write. */
    private static final long ACTIVITY_GRANULARITY_MILLIS = 60_000;
    private static final String SEGMENT = "segment";

    private final StreamIngestSettings settings;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, RenditionWindow> windows;
    private KeyValueStore<String, StreamState> streams;
    private DueIndex gapDeadlines;
    private TaskClock clock;
    private RecordOutcomes outcomes;
    private IdleStreams idle;
    private HeldRecords held;
    /** Null in a topology without the live-windows output. */
    private LiveWindowPublisher liveWindows;

    StreamEventProcessor(StreamIngestSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.windows = context.getStateStore(StreamStores.WINDOWS);
        this.streams = context.getStateStore(StreamStores.STREAMS);
        this.gapDeadlines = new DueIndex(context.getStateStore(StreamStores.GAP_DEADLINES));
        this.clock = new TaskClock(context);
        this.outcomes = new RecordOutcomes(context, StreamStores.COUNTS, DEAD_LETTER_CHILD,
                settings.listener()::deadLettered);
        if (settings.liveWindowSerializer() != null) {
            this.liveWindows = new LiveWindowPublisher(context, settings.liveWindowSerializer(),
                    settings.topics().liveWindows());
        }
        this.idle = new IdleStreams(settings, windows, streams, gapDeadlines, liveWindows);
        this.held = new HeldRecords(context, StreamStores.HELD, "stream events", this::apply);
        // While records are held, the input is incomplete up to stream time: a gap or an idle stream may only
        // look so because its next record is among them.
        context.schedule(settings.gapCheckInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> {
            if (!held.any()) {
                expireGaps(clock.punctuationTime(wallClock));
            }
        });
        context.schedule(settings.idleCheckInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> {
            if (!held.any()) {
                idle.expire(clock.punctuationTime(wallClock));
            }
        });
    }

    @Override
    public void process(Record<String, byte[]> record) {
        clock.recordProcessed();
        held.offer(record, clock.streamTime());
    }

    /** Applies one event as of {@code streamTime}; see {@link HeldRecords.Step} for what it may throw. */
    private void apply(Record<String, byte[]> record, long streamTime) {
        // Before the decoding, as a run without the registry outage does it: expiring again at the same time
        // when the record is held and applied later changes nothing.
        expireGaps(streamTime);
        StreamEvent event;
        try {
            event = settings.eventDeserializer().deserialize(topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            // Only a record that cannot be read is dead-lettered. An unreachable registry is not the record's
            // fault: the record is held (HeldRecords) and applied once the registry answers.
            deadLetter(record, DeadLetterReason.DESERIALIZATION, e.getMessage(), e);
            return;
        }
        if (event == null) {
            deadLetter(record, DeadLetterReason.INVALID, "empty value: stream events are never tombstones", null);
            return;
        }
        Optional<String> problem = StreamEventCheck.problem(record.key(), event);
        if (problem.isPresent()) {
            deadLetter(record, DeadLetterReason.INVALID, problem.get(), null);
            return;
        }
        long now = record.timestamp();
        String streamId = event.getStreamId();
        StreamState stream = idle.current(streamId, now);
        Object payload = event.getPayload();
        if (payload instanceof Segment segment) {
            onSegment(record, stream, streamId, segment, now);
        } else if (payload instanceof RenditionInfo info) {
            onRenditionInfo(record, stream, streamId, info, now);
        } else if (payload instanceof EndOfStream) {
            onEnd(stream, streamId, now);
        }
    }

    private void onSegment(Record<String, byte[]> record, StreamState stream, String streamId, Segment segment,
                           long now) {
        if (stream != null && stream.ended()) {
            deadLetter(record, DeadLetterReason.STREAM_ENDED, "stream " + streamId + " has ended", null);
            return;
        }
        String rendition = segment.getRendition();
        String key = WindowKeys.of(streamId, rendition);
        WindowSegment incoming = new WindowSegment(segment.getSequence(), segment.getUri(),
                segment.getDurationMicros(), segment.getDiscontinuity(), false,
                segment.getProgramDateTime() == null ? null : segment.getProgramDateTime().toEpochMilli(),
                SegmentMediaRecords.fromRecords(segment.getMap(), segment.getByteRange(), segment.getKey()));
        RenditionWindow current = windows.get(key);
        StreamState before = stream == null ? StreamState.start(streamId, now) : stream;
        WindowChange change = current == null
                ? RenditionWindow.opening(incoming, settings.policies().apply(streamId), now)
                : current.add(incoming, now);
        // A window opens as an I-frame playlist when its rendition was described as one before its first segment.
        save(key, current, current == null ? change.window().describedAsIFramesOnly(before.isIFramePlaylist(
                rendition)) : change.window());
        StreamState after = before.withRendition(rendition, now).withKey(rendition,
                WindowSegment.keyInForce(change.window().segments()));
        if (stream == null || after.renditions().size() != stream.renditions().size()
                || !after.keys().equals(before.keys())
                || after.lastActivityMillis() - stream.lastActivityMillis() >= ACTIVITY_GRANULARITY_MILLIS) {
            streams.put(streamId, after);
        }
        report(streamId, rendition, change, record, incoming);
    }

    private void report(String streamId, String rendition, WindowChange change, Record<String, byte[]> record,
                        WindowSegment incoming) {
        IngestListener listener = settings.listener();
        switch (change.outcome()) {
            case CONFLICT -> deadLetter(record, DeadLetterReason.CONFLICT, "sequence " + incoming.sequence()
                    + " of " + streamId + "/" + rendition + " is already recorded with another URI", null);
            case STREAM_ENDED -> deadLetter(record, DeadLetterReason.STREAM_ENDED,
                    "rendition " + streamId + "/" + rendition + " has ended", null);
            case DUPLICATE -> outcomes.count(RecordOutcomes.DUPLICATE, SEGMENT);
            case LATE -> outcomes.count(RecordOutcomes.LATE, SEGMENT);
            default -> outcomes.count(RecordOutcomes.APPLIED, SEGMENT);
        }
        listener.segmentApplied(streamId, rendition, change.outcome(),
                context.currentSystemTimeMs() - record.timestamp());
        if (change.gapsDeclared() > 0) {
            listener.gapsDeclared(streamId, rendition, change.gapsDeclared());
        }
        if (change.targetDurationExceeded()) {
            log.warn("Segment {} of {}/{} lasts {} µs, above the target duration of {} s; published as is, "
                            + "reported once per rendition", incoming.sequence(), streamId, rendition,
                    incoming.durationMicros(), change.window().targetDurationSeconds());
            listener.targetDurationExceeded(streamId, rendition, incoming.durationMicros(),
                    change.window().targetDurationSeconds());
        }
    }

    private void onRenditionInfo(Record<String, byte[]> record, StreamState stream, String streamId,
                                 RenditionInfo info, long now) {
        StreamState base = stream == null ? StreamState.start(streamId, now) : stream;
        RenditionDescription description = StreamEventCheck.description(info);
        Optional<String> problem = base.describingProblem(info.getRendition(), description);
        if (problem.isPresent()) {
            deadLetter(record, DeadLetterReason.INVALID, problem.get(), null);
            return;
        }
        streams.put(streamId, base.describe(info.getRendition(), description, now));
        outcomes.count(RecordOutcomes.APPLIED, "rendition-info");
        String key = WindowKeys.of(streamId, info.getRendition());
        RenditionWindow window = windows.get(key);
        if (window != null) {
            save(key, window, window.describedAsIFramesOnly(description.iFramesOnly()));
        }
    }

    private void onEnd(StreamState stream, String streamId, long now) {
        if (stream != null && stream.ended()) {
            outcomes.count(RecordOutcomes.DUPLICATE, "end");
            return;
        }
        StreamState base = stream == null ? StreamState.start(streamId, now) : stream;
        for (String rendition : base.renditions()) {
            String key = WindowKeys.of(streamId, rendition);
            RenditionWindow window = windows.get(key);
            if (window != null) {
                save(key, window, window.end(now));
            }
        }
        streams.put(streamId, base.end(now));
        outcomes.count(RecordOutcomes.APPLIED, "end");
        settings.listener().streamEnded(streamId);
    }

    private void expireGaps(long nowMillis) {
        for (String key : gapDeadlines.dueAt(nowMillis)) {
            RenditionWindow window = windows.get(key);
            if (window == null) {
                continue;
            }
            WindowChange change = window.expireGaps(nowMillis);
            save(key, window, change.window());
            if (change.gapsDeclared() > 0) {
                settings.listener().gapsDeclared(WindowKeys.streamId(key), WindowKeys.rendition(key),
                        change.gapsDeclared());
            }
        }
    }

    private void save(String key, RenditionWindow before, RenditionWindow after) {
        if (before == after) {
            return;
        }
        windows.put(key, after);
        gapDeadlines.update(key, before == null ? OptionalLong.empty() : before.gapDeadlineMillis(),
                after.gapDeadlineMillis());
        if (liveWindows != null) {
            liveWindows.saved(key, before, after);
        }
    }

    private void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, String detail, Throwable error) {
        outcomes.deadLetter(record, reason, detail, error);
    }

    private String topic() {
        return context.recordMetadata().map(m -> m.topic()).orElse(settings.topics().streamEvents());
    }
}
