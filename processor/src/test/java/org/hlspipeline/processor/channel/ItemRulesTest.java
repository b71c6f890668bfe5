package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.live;
import static org.hlspipeline.processor.channel.AvroChannels.template;
import static org.hlspipeline.processor.channel.AvroChannels.uris;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.AvroChannels.vodOf;
import static org.hlspipeline.processor.channel.RuleFixtures.ID_RULE;
import static org.hlspipeline.processor.channel.RuleFixtures.check;
import static org.hlspipeline.processor.channel.RuleFixtures.enqueue;

import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.When;
import org.junit.jupiter.api.Test;

class ItemRulesTest {

    @Test
    void commandsWithItemsNeedAtLeastOne() {
        String expected = "items must list at least one item";
        assertThat(check(new Enqueue(list(), Position.END))).hasValue(expected);
        assertThat(check(new Replace(list(), When.NOW))).hasValue(expected);
        assertThat(check(new Interrupt(list(), 10, ResumePolicy.RESUME))).hasValue(expected);
    }

    @Test
    void replaceAndInterruptCheckTheirItems() {
        assertThat(check(new Replace(list(vod("ep1", 3), vod("ep2", 0)), When.NOW)))
                .hasValue("items[1] \"ep2\": vod.segmentCount must be at least 1 (got 0)");
        assertThat(check(new Interrupt(list(vod("news", 3, "720p")), 10, ResumePolicy.SKIP)))
                .hasValue("items[0] \"news\": rendition 480p of the ladder is missing");
        assertThat(check(new Replace(list(vod("ep1", 3)), When.AFTER_CURRENT))).isEmpty();
        assertThat(check(new Interrupt(list(vod("news", 3)), 10, ResumePolicy.SKIP))).isEmpty();
    }

    @Test
    void anInterruptsPriorityIsAtLeastOne() {
        assertThat(check(new Interrupt(list(vod("news", 3)), 0, ResumePolicy.RESUME)))
                .hasValue("priority must be at least 1 (got 0)");
        assertThat(check(new Interrupt(list(vod("news", 3)), 1, ResumePolicy.RESUME))).isEmpty();
    }

    @Test
    void theItemIdMustBeAnId() {
        Item item = vod("ep1", 3);
        item.setItemId("ep 1");
        assertThat(enqueue(vod("ep0", 3), item)).hasValue("items[1]: itemId " + ID_RULE);
    }

    @Test
    void theTitleHasNoControlCharacters() {
        Item item = vod("ep1", 3);
        item.setTitle("Ep\n1");
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": title contains a control character at index 2");
        item.setTitle("Épisode 1: \"the pilot\"");
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void anItemHasAVodOrALiveSource() {
        Item item = vod("ep1", 3);
        item.setSource(null);
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": give either a vod or a live source");
    }

    @Test
    void aVodAssetHasAtLeastOneSegment() {
        assertThat(enqueue(vod("ep1", 0))).hasValue("items[0] \"ep1\": vod.segmentCount must be at least 1 (got 0)");
        assertThat(enqueue(vod("ep1", 1))).isEmpty();
    }

    @Test
    void theStartNumberIsASequenceNumber() {
        Item item = vod("ep1", 3);
        vodOf(item).setStartNumber(-1L);
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": vod.startNumber must be 0 to 2^53 (got -1)");
        vodOf(item).setStartNumber(1L << 53);
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void aSegmentDurationOrDurationsAreRequired() {
        Item item = vod("ep1", 3);
        vodOf(item).setSegmentDurationMicros(null);
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": vod.segmentDuration or vod.durations is required");

        vodOf(item).setDurationsMicros(list(2_000_000L, 1_500_000L, 2_000_000L));
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void theSegmentDurationIsPositiveAndAtMostSixtySeconds() {
        Item item = vod("ep1", 3);
        vodOf(item).setSegmentDurationMicros(0L);
        assertThat(enqueue(item))
                .hasValue("items[0] \"ep1\": vod.segmentDuration: duration must be greater than 0 and at most 60 s");
    }

    @Test
    void durationsGiveOnePositiveValuePerSegment() {
        Item item = vod("ep1", 3);
        vodOf(item).setDurationsMicros(list(2_000_000L, 2_000_000L));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": vod.durations lists 2 values for 3 segments");

        vodOf(item).setDurationsMicros(list(2_000_000L, -1L, 2_000_000L));
        assertThat(enqueue(item)).hasValue(
                "items[0] \"ep1\": vod.durations[1]: duration must be greater than 0 and at most 60 s");

        vodOf(item).setDurationsMicros(list(2_000_000L, 2_000_000L, 60_000_001L));
        assertThat(enqueue(item)).hasValue(
                "items[0] \"ep1\": vod.durations[2]: duration must be greater than 0 and at most 60 s");
    }

    @Test
    void durationsOverrideTheSegmentDuration() {
        Item item = vod("ep1", 2);
        vodOf(item).setSegmentDurationMicros(9_000_000L);
        vodOf(item).setDurationsMicros(list(2_000_000L, 1_000_000L));
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void aVodAssetNamesAtLeastOneRendition() {
        Item item = vod("ep1", 3);
        vodOf(item).getRenditions().clear();
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": vod.renditions must give at least one rendition");
    }

    @Test
    void renditionNamesAreIds() {
        Item item = vod("ep1", 3);
        vodOf(item).getRenditions().put("hd\n1", template("https://cdn.example/{n}.ts"));
        assertThat(enqueue(item))
                .hasValue("items[0] \"ep1\": vod.renditions \"hd?1\": rendition name " + ID_RULE);
    }

    @Test
    void aRenditionGivesExactlyOneOfATemplateOrUris() {
        Item item = vod("ep1", 2);
        vodOf(item).getRenditions().put("720p", org.hlspipeline.schemas.channel.RenditionSource.newBuilder()
                .setUriTemplate("https://cdn.example/{n}.ts").setUris(list("a.ts", "b.ts")).build());
        assertThat(enqueue(item))
                .hasValue("items[0] \"ep1\": rendition 720p: give exactly one of uriTemplate or uris");

        vodOf(item).getRenditions().put("720p", org.hlspipeline.schemas.channel.RenditionSource.newBuilder()
                .setUris(list()).build());
        assertThat(enqueue(item))
                .hasValue("items[0] \"ep1\": rendition 720p: give exactly one of uriTemplate or uris");

        vodOf(item).getRenditions().put("720p", uris("a.ts", "b.ts"));
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void aTemplateContainsTheSegmentNumber() {
        Item item = vod("ep1", 2);
        vodOf(item).getRenditions().put("720p", template("https://cdn.example/seg.ts"));
        assertThat(enqueue(item))
                .hasValue("items[0] \"ep1\": rendition 720p: uriTemplate must contain {n}, the segment number");
    }

    @Test
    void aTemplateMakesSafeUris() {
        Item item = vod("ep1", 2);
        vodOf(item).getRenditions().put("720p", template("https://cdn.example/my show/seg{n}.ts"));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: uriTemplate: URI contains a space"
                + " at index 22; percent-encode it as %20");

        vodOf(item).getRenditions().put("720p", template("ftp://cdn.example/seg{n}.ts"));
        assertThat(enqueue(item)).hasValue(
                "items[0] \"ep1\": rendition 720p: uriTemplate: URI scheme 'ftp' is not allowed; only http and https");

        vodOf(item).getRenditions().put("720p", template("720p/seg{n}.ts"));
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void aTemplateIsCheckedWithItsLongestSegmentNumber() {
        String prefix = "https://cdn.example/" + "a".repeat(2048 - 20 - 4 - 3) + "/";
        Item item = vod("ep1", 100);
        vodOf(item).getRenditions().put("720p", template(prefix + "{n}.ts"));
        // seg 99 makes a URI of 2047 characters; starting at 1000, segment 1099 makes one of 2049.
        assertThat(enqueue(item)).isEmpty();
        vodOf(item).setStartNumber(1000L);
        assertThat(enqueue(item)).hasValue(
                "items[0] \"ep1\": rendition 720p: uriTemplate: URI is 2049 characters long, more than 2048");
    }

    @Test
    void aUriListHasOneSafeUriPerSegment() {
        Item item = vod("ep1", 3);
        vodOf(item).getRenditions().put("720p", uris("a.ts", "b.ts"));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: uris lists 2 URIs for 3 segments");

        vodOf(item).getRenditions().put("720p", uris("a.ts", "b\r\n.ts", "c.ts"));
        assertThat(enqueue(item)).hasValue(
                "items[0] \"ep1\": rendition 720p: uris[1]: URI contains control character U+000D at index 1");

        vodOf(item).getRenditions().put("720p", uris("a.ts", "#EXT-X-ENDLIST", "c.ts"));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: uris[1]: URI starts with '#', which"
                + " a player would read as a tag or comment line");
    }

    @Test
    void inAndOutAreARangeOfTheAsset() {
        String expected = "items[0] \"ep1\": in and out must satisfy 0 <= in < out <= 10 (got %d..%d)";
        assertThat(enqueue(range(vod("ep1", 10), 3, 3))).hasValue(expected.formatted(3, 3));
        assertThat(enqueue(range(vod("ep1", 10), -1, 5))).hasValue(expected.formatted(-1, 5));
        assertThat(enqueue(range(vod("ep1", 10), 2, 11))).hasValue(expected.formatted(2, 11));
        assertThat(enqueue(range(vod("ep1", 10), 10, null))).hasValue(expected.formatted(10, 10));
        assertThat(enqueue(range(vod("ep1", 10), null, 0))).hasValue(expected.formatted(0, 0));

        assertThat(enqueue(range(vod("ep1", 10), 2, 5))).isEmpty();
        assertThat(enqueue(range(vod("ep1", 10), 9, null))).isEmpty();
        assertThat(enqueue(range(vod("ep1", 10), null, 1))).isEmpty();
        assertThat(enqueue(range(vod("ep1", 10), 0, 10))).isEmpty();
    }

    private static Item range(Item item, Integer in, Integer out) {
        item.setInPoint(in);
        item.setOutPoint(out);
        return item;
    }

    @Test
    void aLiveRelayNamesAStream() {
        assertThat(enqueue(live("news", "news-feed", null))).isEmpty();
        assertThat(enqueue(live("news", "news-feed", 600_000_000L))).isEmpty();
        assertThat(enqueue(live("news", "news feed", null)))
                .hasValue("items[0] \"news\": live.streamId " + ID_RULE);
        assertThat(enqueue(live("news", null, null))).hasValue("items[0] \"news\": live.streamId is required");
    }

    @Test
    void aLiveRelaysMaxDurationIsPositive() {
        assertThat(enqueue(live("news", "news-feed", 0L)))
                .hasValue("items[0] \"news\": live.maxDuration must be greater than 0");
    }

    @Test
    void aLiveRelayHasNoInOrOutPoint() {
        Item item = live("news", "news-feed", null);
        item.setInPoint(0);
        assertThat(enqueue(item))
                .hasValue("items[0] \"news\": in and out apply to vod items only, not to a live relay");
    }

    @Test
    void everyItemProvidesEveryRenditionOfTheLadder() {
        assertThat(enqueue(vod("ep1", 3), vod("ep2", 3, "720p")))
                .hasValue("items[1] \"ep2\": rendition 480p of the ladder is missing");
        assertThat(enqueue(vod("ep1", 3, "1080p")))
                .hasValue("items[0] \"ep1\": renditions 720p, 480p of the ladder are missing");
    }

    @Test
    void extraRenditionsAreAllowedButChecked() {
        assertThat(enqueue(vod("ep1", 3, "720p", "480p", "1080p"))).isEmpty();
        Item item = vod("ep1", 3, "720p", "480p", "1080p");
        vodOf(item).getRenditions().put("1080p", template("1080p/seg.ts"));
        assertThat(enqueue(item))
                .hasValue("items[0] \"ep1\": rendition 1080p: uriTemplate must contain {n}, the segment number");
    }

    @Test
    void segmentsKeepToTheTargetDurationRounded() {
        Item item = vod("ep1", 3);
        vodOf(item).setSegmentDurationMicros(2_499_999L);
        assertThat(enqueue(item)).isEmpty();

        vodOf(item).setSegmentDurationMicros(2_500_000L);
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": segments last 2.5 s, which rounds to 3 s, more than"
                + " the channel's target duration of 2 s (EXTINF may not exceed EXT-X-TARGETDURATION)");
    }

    @Test
    void everySegmentThatAirsKeepsToTheTargetDuration() {
        Item item = vod("ep1", 4);
        vodOf(item).setDurationsMicros(list(2_000_000L, 2_000_000L, 3_000_000L, 2_000_000L));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": segment 2 lasts 3 s, which rounds to 3 s, more than"
                + " the channel's target duration of 2 s (EXTINF may not exceed EXT-X-TARGETDURATION)");

        item.setOutPoint(2);
        assertThat(enqueue(item)).as("segment 2 never airs").isEmpty();
    }

    @Test
    void aLiveRelayIsNotCheckedAgainstTheLadder() {
        assertThat(check(new Replace(list(live("news", "news-feed", null)), When.NOW))).isEmpty();
    }
}
