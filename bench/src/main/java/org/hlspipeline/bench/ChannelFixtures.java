package org.hlspipeline.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.LadderRendition;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.RenditionUris;
import org.hlspipeline.processor.playout.VodAsset;
import org.hlspipeline.schemas.channel.AiredSegment;

/**
 * A channel at the scale target of channel playout: a 4-rendition ladder (720p, 480p, 360p, 240p), a 6-segment
 * window of 2 s segments, a filler, and a queue of 50 hour-long VOD items (1,800 segments each) behind the one
 * that airs. It is advanced past its first boundaries, so the window is full and every later boundary slides it
 * by one segment.
 */
final class ChannelFixtures {

    static final String CHANNEL_ID = "channel-004217";
    static final long SEGMENT_MICROS = 2_000_000L;
    static final int WINDOW = 6;
    static final int TARGET_SECONDS = 2;
    static final int QUEUED = 50;
    static final int ITEM_SEGMENTS = 1_800;
    /** When the channel is configured and its items enqueued. */
    static final long T0_MICROS = Instant.parse("2026-11-21T20:00:00Z").toEpochMilli() * 1000;
    static final List<LadderRendition> LADDER = List.of(
            new LadderRendition("720p", 3_000_000L, 2_500_000L, "1280x720", "avc1.64001f,mp4a.40.2", 25.0),
            new LadderRendition("480p", 1_500_000L, 1_200_000L, "854x480", "avc1.4d401f,mp4a.40.2", 25.0),
            new LadderRendition("360p", 800_000L, 650_000L, "640x360", "avc1.42c01e,mp4a.40.2", 25.0),
            new LadderRendition("240p", 400_000L, 320_000L, "426x240", "avc1.42c015,mp4a.40.2", 25.0));

    private ChannelFixtures() {
    }

    /** A VOD asset of {@code segments} 2 s segments in every rendition of the ladder, addressed by template. */
    static VodAsset asset(String assetId, int segments) {
        Map<String, RenditionUris> renditions = new TreeMap<>();
        for (LadderRendition r : LADDER) {
            renditions.put(r.name(), RenditionUris.template(
                    "https://vod.example.com/assets/" + assetId + "/" + r.name() + "/seg{n}.ts"));
        }
        return VodAsset.uniform(renditions, segments, SEGMENT_MICROS, 1);
    }

    static Item filler() {
        return Item.of("filler-loop", ItemKind.FILLER, "Station filler", asset("filler-loop", 30));
    }

    static Item program(int n) {
        String id = String.format("episode-%04d", n);
        return Item.of(id, ItemKind.PROGRAM, "Episode " + n + " of the evening schedule", asset(id, ITEM_SEGMENTS));
    }

    /**
     * The channel with its window full: configured and given 51 items at {@link #T0_MICROS}, then advanced 20 s
     * (10 boundaries), so the first item airs and 50 are queued behind it.
     */
    static ChannelState fullChannel() {
        Item filler = filler();
        ChannelConfig config = new ChannelConfig(LADDER, WINDOW, TARGET_SECONDS, filler, true, AdMarkers.DATERANGE);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i <= QUEUED; i++) {
            items.add(program(i));
        }
        ChannelState state = Playout.schedule(ChannelState.create(CHANNEL_ID), new PlayoutCommand.Configure(config),
                T0_MICROS);
        state = Playout.schedule(state, new PlayoutCommand.Enqueue(items, false), T0_MICROS);
        state = Playout.advance(state, T0_MICROS + 10 * SEGMENT_MICROS - 1).state();
        Fixtures.check(state.window().size() == WINDOW, "window not full: " + state.window().size());
        Fixtures.check(state.base().items().size() == QUEUED, "queue is not " + QUEUED + ": "
                + state.base().items().size());
        Fixtures.check(state.scheduled().isEmpty(), "commands still waiting: " + state.scheduled());
        return state;
    }

    /**
     * {@code count} consecutive states of the channel, one boundary apart, starting from {@link #fullChannel()};
     * each airs exactly one segment when advanced to its own next air time (checked).
     */
    static ChannelState[] consecutiveStates(int count) {
        ChannelState[] states = new ChannelState[count + 1];
        states[0] = fullChannel();
        for (int i = 0; i < count; i++) {
            Playout.Advance advance = Playout.advance(states[i], states[i].nextAirMicros());
            checkOneBoundary(states[i], advance);
            states[i + 1] = advance.state();
        }
        return states;
    }

    static void checkOneBoundary(ChannelState before, Playout.Advance advance) {
        ChannelState after = advance.state();
        Fixtures.check(advance.aired().size() == 1, "aired " + advance.aired().size() + " segments, not one");
        Fixtures.check(after.nextMediaSequence() == before.nextMediaSequence() + 1, "media sequence did not move on");
        Fixtures.check(after.nextAirMicros() == before.nextAirMicros() + SEGMENT_MICROS, "air time did not move on");
        Fixtures.check(after.window().size() == WINDOW, "window did not slide by one: " + after.window().size());
        Fixtures.check(after.window().get(0).mediaSequence() == before.window().get(0).mediaSequence() + 1,
                "window did not slide by one");
        Fixtures.check(advance.aired().get(0).uris().size() == LADDER.size(), "segment not in every rendition");
    }

    /** The as-run record of an aired segment, built as {@code ChannelCommandProcessor} builds it. */
    static AiredSegment asRun(String channelId, ChannelSegment s) {
        return new AiredSegment(channelId, s.mediaSequence(), Instant.ofEpochMilli(s.airTimeMicros() / 1000),
                s.durationMicros(), s.uris(), s.itemId(),
                org.hlspipeline.schemas.channel.ItemKind.valueOf(s.kind().name()), s.title(), s.discontinuity());
    }
}
