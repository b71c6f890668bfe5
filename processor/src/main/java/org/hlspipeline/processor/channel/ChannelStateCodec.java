package org.hlspipeline.processor.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.apache.avro.message.BinaryMessageDecoder;
import org.hlspipeline.processor.hls.SegmentMedia;
import org.hlspipeline.processor.playout.AdBreak;
import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.DeferredList;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.LadderRendition;
import org.hlspipeline.processor.playout.Layer;
import org.hlspipeline.processor.playout.Playhead;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.schemas.state.AdBreakState;
import org.hlspipeline.schemas.state.ChannelConfigState;
import org.hlspipeline.schemas.state.ChannelSegmentState;
import org.hlspipeline.schemas.state.ChannelTimelineRecord;
import org.hlspipeline.schemas.state.LayerTimelineState;
import org.hlspipeline.schemas.state.SegmentMediaState;
import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.processor.kafka.StateCodec;

/**
 * How a channel is stored: two records under its id, so that a boundary writes and reads only what it changes.
 *
 * <ul>
 *   <li>The <em>timeline</em> ({@link ChannelStores#CHANNELS}) is what airs and what players see: sequence numbers,
 *       the window, the configuration, each layer's playhead, and how many items, waiting layers and scheduled
 *       commands there are. Every boundary rewrites it (about 4 KB with a 4-rendition ladder).</li>
 *   <li>The <em>programme</em> ({@link ChannelStores#PROGRAMMES}) is what is to come: each layer's items and
 *       cycle, the waiting layers and the scheduled commands. It is written only when one of them changes, and
 *       read back only when the engine looks at one of them: a decoded channel holds them as
 *       {@link DeferredList}s over the programme's bytes.</li>
 * </ul>
 */
public final class ChannelStateCodec {

    /** Reads timelines written by every release: v1 is the one before renditions had groups and media. */
    private static final BinaryMessageDecoder<ChannelTimelineRecord> TIMELINE_DECODER = StateCodec.decoderOf(
            ChannelTimelineRecord.getClassSchema(), ChannelTimelineRecord.class, "ChannelTimelineRecord-v1.avsc");

    private ChannelStateCodec() {
    }

    public static byte[] encodeTimeline(ChannelState state) {
        return StateCodec.encodeRecord(ChannelTimelineRecord.getEncoder(), toRecord(state));
    }

    public static byte[] encodeProgramme(ChannelState state) {
        return ChannelProgrammeCodec.encode(state);
    }

    /**
     * The channel; its programme is decoded from {@code programme} when first needed. {@code programme} may be
     * null only for a channel that has no items, waiting layers or scheduled commands.
     */
    public static ChannelState decode(byte[] timeline, byte[] programme) {
        return decode(timeline, () -> programme);
    }

    /**
     * The channel, its programme's bytes fetched only if the engine looks at the programme. The fetch must give
     * the programme stored with this timeline: a caller that may write the channel in between reads it eagerly.
     */
    public static ChannelState decode(byte[] timeline, Supplier<byte[]> programme) {
        ChannelTimelineRecord record = StateCodec.decodeRecord(TIMELINE_DECODER, timeline);
        return fromRecord(record, new ChannelProgrammeCodec.Source(record.getChannelId(), programme));
    }

    /**
     * Whether {@code next} must write its programme: it has no stored predecessor, or a layer's items or cycle,
     * the waiting layers or the scheduled commands are no longer the lists that {@code stored} was decoded with.
     * Immutable lists that are the same object hold the same items, so a boundary that only airs a segment is
     * told apart without decoding anything.
     */
    public static boolean programmeChanged(ChannelState stored, ChannelState next) {
        if (stored == null) {
            return true;
        }
        if (stored.layers().size() != next.layers().size() || !same(stored.waiting(), next.waiting())
                || !same(stored.scheduled(), next.scheduled())) {
            return true;
        }
        for (int i = 0; i < next.layers().size(); i++) {
            Layer before = stored.layers().get(i);
            Layer after = next.layers().get(i);
            if (!same(before.items(), after.items()) || !same(before.cycle(), after.cycle())) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(List<?> a, List<?> b) {
        return a == b || (a.isEmpty() && b.isEmpty());
    }

    static ChannelTimelineRecord toRecord(ChannelState s) {
        List<ChannelSegmentState> window = new ArrayList<>(s.window().size());
        for (ChannelSegment seg : s.window()) {
            window.add(new ChannelSegmentState(seg.mediaSequence(), seg.airTimeMicros(), seg.durationMicros(),
                    seg.uris(), seg.discontinuity(), seg.itemId(),
                    org.hlspipeline.schemas.channel.ItemKind.valueOf(seg.kind().name()), seg.title(),
                    seg.adBreak() == null ? null : new AdBreakState(seg.adBreak().firstSequence(),
                            seg.adBreak().startMicros(), seg.adBreak().plannedMicros()), mediaRecords(seg)));
        }
        List<LayerTimelineState> layers = new ArrayList<>(s.layers().size());
        for (Layer l : s.layers()) {
            layers.add(new LayerTimelineState(l.id(), l.priority(), l.policy().name(),
                    ChannelProgrammeCodec.toRecord(l.current()), l.items().size(), l.cycle().size(),
                    l.endsAtMicros(), l.startedAtMicros()));
        }
        boolean lastItemOnQueue = lastItemAirsOnQueue(s);
        return new ChannelTimelineRecord(s.channelId(), s.config() == null ? null : toRecord(s.config()),
                s.nextAirMicros(), s.nextMediaSequence(), s.discontinuitySequence(), window, layers,
                s.waiting().size(), s.scheduled().size(), s.commandsScheduled(),
                s.lastItem() == null || lastItemOnQueue ? null : ItemMapper.toAvro(s.lastItem()), lastItemOnQueue,
                s.pendingDiscontinuity(), s.idle(), s.endAfterCurrent(), s.ended());
    }

    /** The item the queue plays is usually the last one it started: stored once, with the playhead. */
    private static boolean lastItemAirsOnQueue(ChannelState s) {
        Playhead queue = s.base().current();
        return s.lastItem() != null && queue != null
                && (queue.item() == s.lastItem() || queue.item().equals(s.lastItem()));
    }

    private static ChannelState fromRecord(ChannelTimelineRecord r, ChannelProgrammeCodec.Source programme) {
        List<ChannelSegment> window = new ArrayList<>(r.getWindow().size());
        for (ChannelSegmentState seg : r.getWindow()) {
            window.add(new ChannelSegment(seg.getMediaSequence(), seg.getAirTimeMicros(), seg.getDurationMicros(),
                    seg.getUris(), seg.getDiscontinuity(), seg.getItemId(), ItemKind.valueOf(seg.getKind().name()),
                    seg.getTitle(), seg.getAdBreak() == null ? null : new AdBreak(seg.getAdBreak().getFirstSequence(),
                            seg.getAdBreak().getStartMicros(), seg.getAdBreak().getPlannedMicros()), media(seg)));
        }
        List<Layer> layers = new ArrayList<>(r.getLayers().size());
        for (int i = 0; i < r.getLayers().size(); i++) {
            LayerTimelineState l = r.getLayers().get(i);
            int index = i;
            layers.add(new Layer(l.getId(), l.getPriority(), ResumePolicy.valueOf(l.getPolicy()),
                    ChannelProgrammeCodec.fromRecord(l.getCurrent()),
                    deferred(l.getItemCount(), () -> programme.items(index)),
                    deferred(l.getCycleCount(), () -> programme.cycle(index)),
                    l.getEndsAtMicros(), l.getStartedAtMicros()));
        }
        Item lastItem = r.getLastItemAirsOnQueue() ? layers.get(0).current().item()
                : r.getLastItem() == null ? null : ItemMapper.fromAvro(r.getLastItem());
        return new ChannelState(r.getChannelId(), r.getConfig() == null ? null : fromRecord(r.getConfig()),
                r.getNextAirMicros(), r.getNextMediaSequence(), r.getDiscontinuitySequence(), window, layers,
                deferred(r.getWaitingCount(), programme::waiting),
                deferred(r.getScheduledCount(), programme::scheduled), r.getCommandsScheduled(), lastItem,
                r.getPendingDiscontinuity(), r.getIdle(), r.getEndAfterCurrent(), r.getEnded());
    }

    /** Only the renditions that need anything: an MPEG-TS channel in the clear stores an empty map. */
    private static Map<String, SegmentMediaState> mediaRecords(ChannelSegment seg) {
        Map<String, SegmentMediaState> records = new TreeMap<>();
        seg.media().forEach((rendition, m) -> records.put(rendition, new SegmentMediaState(
                SegmentMediaRecords.mapRecord(m), SegmentMediaRecords.byteRangeRecord(m),
                SegmentMediaRecords.keyRecord(m))));
        return records;
    }

    private static Map<String, SegmentMedia> media(ChannelSegmentState seg) {
        Map<String, SegmentMedia> media = new TreeMap<>();
        seg.getMedia().forEach((rendition, m) -> media.put(rendition,
                SegmentMediaRecords.fromRecords(m.getMap(), m.getByteRange(), m.getKey())));
        return media;
    }

    private static <E> List<E> deferred(int size, Supplier<List<E>> source) {
        return size == 0 ? List.of() : new DeferredList<>(size, source);
    }

    private static ChannelConfigState toRecord(ChannelConfig c) {
        List<org.hlspipeline.schemas.channel.LadderRendition> ladder = new ArrayList<>();
        for (LadderRendition l : c.ladder()) {
            ladder.add(ChannelCommandMapper.ladderRecord(l));
        }
        return new ChannelConfigState(ladder, c.windowSize(), c.targetDurationSeconds(),
                c.filler() == null ? null : ItemMapper.toAvro(c.filler()), c.programDateTime(),
                org.hlspipeline.schemas.channel.AdMarkers.valueOf(c.adMarkers().name()));
    }

    private static ChannelConfig fromRecord(ChannelConfigState c) {
        List<LadderRendition> ladder = new ArrayList<>();
        for (org.hlspipeline.schemas.channel.LadderRendition l : c.getLadder()) {
            ladder.add(ChannelCommandMapper.ladderRendition(l));
        }
        return new ChannelConfig(ladder, c.getWindowSize(), c.getTargetDurationSeconds(),
                c.getFiller() == null ? null : ItemMapper.fromAvro(c.getFiller()), c.getProgramDateTime(),
                AdMarkers.valueOf(c.getAdMarkers().name()));
    }
}
