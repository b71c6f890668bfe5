package org.hlspipeline.processor.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.T0;
import static org.hlspipeline.processor.playout.Channels.at;
import static org.hlspipeline.processor.playout.Channels.item;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Live relays against a stream whose segments the test makes visible one by one (2 s segments). */
class LiveRelayTest {

    /** A stream as a channel sees it: the test decides which segments are visible and whether it ended. */
    static final class StreamFeed implements LiveFeed {
        final TreeMap<Long, LiveSegment> segments = new TreeMap<>();
        boolean ended;

        StreamFeed show(long... sequences) {
            for (long n : sequences) {
                segments.put(n, new LiveSegment(n, Channels.TWO_SECONDS, Map.of(
                        "720p", "https://live.example/news/720p/" + n + ".ts",
                        "480p", "https://live.example/news/480p/" + n + ".ts"), false));
            }
            return this;
        }

        StreamFeed lost(long sequence) {
            segments.put(sequence, new LiveSegment(sequence, Channels.TWO_SECONDS, Map.of(
                    "720p", "gap-" + sequence + ".ts", "480p", "gap-" + sequence + ".ts"), true));
            return this;
        }

        @Override
        public Optional<LiveSegment> segment(String streamId, long sequence, List<String> renditions) {
            return Optional.ofNullable(segments.get(sequence));
        }

        @Override
        public Optional<Span> span(String streamId, List<String> renditions) {
            return segments.isEmpty() ? Optional.empty()
                    : Optional.of(new Span(segments.firstKey(), segments.lastKey()));
        }

        @Override
        public boolean ended(String streamId) {
            return ended;
        }
    }

    private static Item live(long maxSeconds) {
        return new Item("news", ItemKind.PROGRAM, "News", new LiveStream("news", maxSeconds * 1_000_000), 0, 0,
                false, false);
    }

    private static Item filler() {
        return new Item("filler", ItemKind.FILLER, null, Channels.asset("filler", 2), 0, 2, false, false);
    }

    private final List<ChannelSegment> aired = new ArrayList<>();
    private ChannelState state;

    private void advance(double seconds, LiveFeed feed) {
        Playout.Advance advance = Playout.advance(state, at(seconds), feed);
        aired.addAll(advance.aired());
        state = advance.state();
    }

    private List<String> labels() {
        return aired.stream().map(s -> (s.discontinuity() ? "|" : "") + s.itemId() + "#"
                + s.uris().get("720p").replaceAll(".*/(?:seg)?(\\d+)\\.ts", "$1")).toList();
    }

    @Test
    void aLiveItemRelaysTheStreamRenumberedWithDiscontinuitiesAtSwitchInAndOut() {
        state = Channels.channel(null, item("ep1", 1), live(4), item("ep2", 1));
        StreamFeed feed = new StreamFeed().show(10, 11, 12);

        advance(2, feed);            // ep1 at 0 s; the relay joins at the live edge, 12, at 2 s
        advance(4, feed.show(13));   // 13 at 4 s: four seconds relayed, the item's maximum
        advance(6, feed);            // ep2 at 6 s

        assertThat(labels()).containsExactly("ep1#0", "|news#12", "news#13", "|ep2#0");
        assertThat(aired).extracting(ChannelSegment::mediaSequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(aired.get(1).uris()).containsEntry("480p", "https://live.example/news/480p/12.ts");
        assertThat(aired).extracting(ChannelSegment::airTimeMicros).containsExactly(T0, at(2), at(4), at(6));
    }

    @Test
    void aStallPastOneAndAHalfTargetDurationsFillsWithFillerUntilTheStreamResumes() {
        state = Channels.channel(filler(), item("ep1", 1), live(0));
        StreamFeed feed = new StreamFeed().show(12);

        advance(2, feed);      // ep1 at 0 s, news#12 at 2 s
        advance(6.9, feed);    // the boundary at 4 s waits: 6.9 s is within 1.5 × 2 s of it
        assertThat(labels()).containsExactly("ep1#0", "|news#12");

        advance(7, feed);      // stalled: filler airs at 4 s and 6 s
        advance(9, feed.show(13, 14)); // the stream is back: 13 at 8 s
        advance(10, feed);     // and 14 at 10 s

        assertThat(labels()).containsExactly("ep1#0", "|news#12", "|filler#0", "filler#1", "|news#13", "news#14");
    }

    @Test
    void theStreamsEndEndsTheItem() {
        state = Channels.channel(null, live(0), item("ep2", 2));
        StreamFeed feed = new StreamFeed().show(20);

        advance(0, feed);
        feed.show(21).ended = true;
        advance(6, feed);

        assertThat(labels()).containsExactly("news#20", "news#21", "|ep2#0", "ep2#1");
    }

    @Test
    void aSegmentTheStreamDeclaredLostIsSkippedWithADiscontinuity() {
        state = Channels.channel(null, live(0));
        StreamFeed feed = new StreamFeed().show(30);

        advance(0, feed);
        advance(4, feed.lost(31).show(32, 33));

        assertThat(labels()).containsExactly("news#30", "|news#32", "news#33");
    }

    @Test
    void aRelayThatFellOutOfTheStreamsWindowRejoinsAtTheLiveEdge() {
        state = Channels.channel(filler(), live(0));
        StreamFeed feed = new StreamFeed().show(1);

        advance(0, feed);
        feed.segments.clear();
        advance(3, feed.show(40, 41, 42)); // 2..39 are gone: rejoin at 42

        assertThat(labels()).containsExactly("news#1", "|news#42");
    }
}
