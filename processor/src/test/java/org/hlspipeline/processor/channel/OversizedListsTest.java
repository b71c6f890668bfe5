package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.alert;
import static org.hlspipeline.processor.channel.AvroChannels.broadcast;
import static org.hlspipeline.processor.channel.AvroChannels.rendition;
import static org.hlspipeline.processor.channel.AvroChannels.template;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.AvroChannels.vodOf;
import static org.hlspipeline.processor.channel.RuleFixtures.enqueue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.processor.rules.ListLimits;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.stream.ByteRange;
import org.junit.jupiter.api.Test;

/**
 * Each list of a channel command or a broadcast is refused one entry above its limit, with a message naming the
 * list, its length and the limit, and is not refused for its length at the limit (docs/input-rules.md, Lists).
 */
class OversizedListsTest {

    private static List<Item> items(int count) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(vod("ep" + i, 3));
        }
        return items;
    }

    @Test
    void anEnqueueOfMoreThanAHundredItems() {
        assertThat(enqueue(items(ListLimits.MAX_ITEMS).toArray(Item[]::new))).isEmpty();
        assertThat(enqueue(items(ListLimits.MAX_ITEMS + 1).toArray(Item[]::new)))
                .contains("items lists 101 items, more than 100; send them in several commands");
    }

    @Test
    void aLadderOfMoreThanSixtyFourRenditions() {
        assertThat(configureProblem(ListLimits.MAX_RENDITIONS)).isEmpty();
        assertThat(configureProblem(ListLimits.MAX_RENDITIONS + 1))
                .contains("ladder lists 65 renditions, more than 64");
    }

    private static Optional<String> configureProblem(int renditions) {
        List<LadderRendition> ladder = new ArrayList<>();
        for (int i = 0; i < renditions; i++) {
            ladder.add(rendition("r" + i));
        }
        ConfigureChannel configure = new ConfigureChannel(ladder, null, null, null, null, null);
        return ChannelCommandCheck.problem("tv9", new ChannelCommand("tv9", "c1", null, configure), null);
    }

    @Test
    void aVodItemOfMoreThanSixtyFourRenditions() {
        assertThat(itemRenditionsProblem(ListLimits.MAX_RENDITIONS)).isEmpty();
        assertThat(itemRenditionsProblem(ListLimits.MAX_RENDITIONS + 1))
                .contains("items[0] \"big\": vod.renditions lists 65 renditions, more than 64");
    }

    private static Optional<String> itemRenditionsProblem(int renditions) {
        Item item = vod("big", 3);
        Map<String, RenditionSource> sources = new LinkedHashMap<>(vodOf(item).getRenditions());
        for (int i = sources.size(); i < renditions; i++) {
            sources.put("extra" + i, template("https://cdn.example/big/extra" + i + "/seg{n}.ts"));
        }
        vodOf(item).setRenditions(sources);
        return enqueue(item);
    }

    @Test
    void perSegmentListsOfMoreThanTwentyThousandEntries() {
        int over = ListLimits.MAX_SEGMENT_ENTRIES + 1;
        Item durations = vod("long", over);
        vodOf(durations).setDurationsMicros(new ArrayList<>(Collections.nCopies(over, 2_000_000L)));
        assertThat(enqueue(durations)).contains("items[0] \"long\": vod.durations lists 20001 values, more than "
                + "20000; give one segmentDuration for all segments");

        Item uris = vod("long", over);
        List<String> list = new ArrayList<>();
        for (int i = 0; i < over; i++) {
            list.add("https://cdn.example/long/seg" + i + ".ts");
        }
        vodOf(uris).getRenditions().put("720p", AvroChannels.uris(list.toArray(String[]::new)));
        assertThat(enqueue(uris)).contains("items[0] \"long\": rendition 720p: uris lists 20001 URIs, more than "
                + "20000; give a uriTemplate");

        Item ranges = vod("long", over);
        vodOf(ranges).getRenditions().get("480p").setByteRanges(
                new ArrayList<>(Collections.nCopies(over, new ByteRange(1000L, 0L))));
        assertThat(enqueue(ranges)).contains("items[0] \"long\": rendition 480p: byteRanges lists 20001 ranges, "
                + "more than 20000; give segments of their own files, or split the asset");
    }

    @Test
    void perSegmentListsAtTheLimitAreAccepted() {
        int limit = ListLimits.MAX_SEGMENT_ENTRIES;
        Item durations = vod("long", limit);
        vodOf(durations).setDurationsMicros(new ArrayList<>(Collections.nCopies(limit, 2_000_000L)));
        vodOf(durations).getRenditions().get("480p").setByteRanges(
                new ArrayList<>(Collections.nCopies(limit, new ByteRange(1000L, 0L))));
        assertThat(enqueue(durations)).isEmpty();
    }

    @Test
    void anAlertNamingMoreThanAThousandChannels() {
        assertThat(alertProblem(ListLimits.MAX_ALERT_CHANNELS)).isEmpty();
        assertThat(alertProblem(ListLimits.MAX_ALERT_CHANNELS + 1))
                .contains("channels lists 1001 channel ids, more than 1000; use \"*\" for all channels");
        Alert tooMany = alert(items(ListLimits.MAX_ITEMS + 1).toArray(Item[]::new));
        assertThat(BroadcastCheck.problem("storm", broadcast("storm", tooMany)))
                .contains("items lists 101 items, more than 100; send them in several commands");
    }

    private static Optional<String> alertProblem(int channels) {
        Alert alert = alert(vod("storm", 1));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            ids.add("tv" + i);
        }
        alert.setChannels(ids);
        return BroadcastCheck.problem("storm", broadcast("storm", alert));
    }
}
