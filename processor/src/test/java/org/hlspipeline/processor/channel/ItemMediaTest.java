package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.AvroChannels.vodOf;
import static org.hlspipeline.processor.channel.RuleFixtures.enqueue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.RenditionUris;
import org.hlspipeline.processor.playout.VodAsset;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.schemas.json.JsonFormWriter;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * A VOD item rendition's map, byte ranges and key: through the Avro contract and the channel store unchanged,
 * refused with the segment rules' words when bad, and read from and written to the JSON form.
 */
class ItemMediaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Item fmp4Item() {
        SegmentKey key = new SegmentKey("SAMPLE-AES", "skd://k1", null, "com.apple.streamingkeydelivery", "1");
        VodAsset asset = VodAsset.uniform(Map.of(
                "720p", new RenditionUris(null, List.of("https://cdn.example/a/720p.mp4",
                        "https://cdn.example/a/720p.mp4")).withMedia(
                        new InitSection("https://cdn.example/a/720p.mp4", new ByteRange(720, 0)),
                        List.of(new ByteRange(1000, 720), new ByteRange(900, 1720)), key),
                "480p", RenditionUris.template("https://cdn.example/a/480p/seg{n}.m4s").withMedia(
                        new InitSection("https://cdn.example/a/480p/init.mp4", null), List.of(), null)),
                2, Channels.TWO_SECONDS, 0);
        return Item.of("a", ItemKind.PROGRAM, "A", asset);
    }

    @Test
    void anItemsMediaSurvivesTheAvroItemAndTheChannelStore() {
        Item item = fmp4Item();
        assertThat(ItemMapper.fromAvro(ItemMapper.toAvro(item))).isEqualTo(item);

        var state = Playout.advance(Channels.channel(item), Channels.at(6)).state();
        assertThat(state.window()).allSatisfy(s -> assertThat(s.media("720p").map()).isNotNull());
        assertThat(StoredChannel.fromBytes(StoredChannel.of(state).toBytes()).decode()).isEqualTo(state);
    }

    @Test
    void aBadMapByteRangeOrKeyIsRefusedInTheWordsOfTheSegmentRules() {
        var item = vod("ep1", 2);
        RenditionSource r720 = vodOf(item).getRenditions().get("720p");
        r720.setMap(new org.hlspipeline.schemas.stream.InitSection("init\n.mp4", null));
        assertThat(enqueue(item)).get().asString().startsWith("items[0] \"ep1\": rendition 720p: map URI");

        r720.setMap(new org.hlspipeline.schemas.stream.InitSection("init.mp4",
                new org.hlspipeline.schemas.stream.ByteRange(0L, 0L)));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: map byteRange length must be "
                + "greater than 0, was 0");

        r720.setMap(null);
        r720.setByteRanges(new ArrayList<>(List.of(new org.hlspipeline.schemas.stream.ByteRange(10L, 0L))));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: byteRanges lists 1 ranges for 2 "
                + "segments; give one per segment, or none");

        r720.setByteRanges(new ArrayList<>(List.of(new org.hlspipeline.schemas.stream.ByteRange(10L, 0L),
                new org.hlspipeline.schemas.stream.ByteRange(10L, -1L))));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: byteRanges[1]: byteRange offset "
                + "must not be negative, was -1");

        r720.setByteRanges(new ArrayList<>());
        r720.setKey(new org.hlspipeline.schemas.stream.SegmentKey("AES-256", "k", null, null, null));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: key method must be AES-128, "
                + "SAMPLE-AES or SAMPLE-AES-CTR, was 'AES-256'");

        r720.setKey(new org.hlspipeline.schemas.stream.SegmentKey("AES-128", "k", null, null, null));
        r720.setMap(new org.hlspipeline.schemas.stream.InitSection("init.mp4", null));
        assertThat(enqueue(item)).hasValue("items[0] \"ep1\": rendition 720p: key iv is required for an AES-128 "
                + "key that also applies to the map (RFC 8216 §4.3.2.5)");

        r720.setKey(new org.hlspipeline.schemas.stream.SegmentKey("AES-128", "k",
                "0x00112233445566778899AABBCCDDEEFF", null, null));
        assertThat(enqueue(item)).isEmpty();
    }

    @Test
    void theJsonFormReadsAndWritesARenditionsMapByteRangesAndKey() {
        String body = """
                {"type": "enqueue", "items": [{"itemId": "a", "vod": {"segmentCount": 2, "segmentDuration": 2,
                  "renditions": {
                    "720p": {"uris": ["one.mp4", "one.mp4"], "map": {"uri": "one.mp4", "byteRange": "720@0"},
                             "byteRanges": ["1000@720", "900@1720"],
                             "key": {"method": "SAMPLE-AES", "uri": "skd://k1", "keyFormat": "com.apple.streamingkeydelivery",
                                     "keyFormatVersions": "1"}},
                    "480p": {"uriTemplate": "480p/seg{n}.m4s", "map": {"uri": "480p/init.mp4"},
                             "key": {"method": "AES-128", "uri": "https://keys.example/k", "iv": "0x00112233445566778899AABBCCDDEEFF"}}}}}]}
                """;
        ChannelCommand command = ChannelCommandJson.parseCommand("tv1", JSON.readTree(body), () -> "c1");
        var item = ((org.hlspipeline.schemas.channel.Enqueue) command.getPayload()).getItems().get(0);
        RenditionSource r720 = vodOf(item).getRenditions().get("720p");
        assertThat(r720.getMap().getByteRange().getLength()).isEqualTo(720L);
        assertThat(r720.getByteRanges()).extracting(r -> r.getOffset()).containsExactly(720L, 1720L);
        assertThat(r720.getKey().getKeyFormat()).isEqualTo("com.apple.streamingkeydelivery");
        assertThat(enqueue(item)).isEmpty();

        String written = JSON.writeValueAsString(JsonFormWriter.command(command));
        ChannelCommand again = ChannelCommandJson.parseCommand("tv1", JSON.readTree(written), () -> "c1");
        assertThat(again).isEqualTo(command);
        assertThat(written).contains("\"byteRanges\":[\"1000@720\",\"900@1720\"]")
                .contains("\"map\":{\"uri\":\"one.mp4\",\"byteRange\":\"720@0\"}");
    }

    @Test
    void aMalformedByteRangeTextNamesItsField() {
        String body = """
                {"type": "enqueue", "items": [{"itemId": "a", "vod": {"segmentCount": 1, "segmentDuration": 2,
                  "renditions": {"720p": {"uriTemplate": "s{n}.ts", "byteRanges": ["1000"]}}}}]}
                """;
        assertThatThrownBy(() -> ChannelCommandJson.parseCommand("tv1", JSON.readTree(body), () -> "c1"))
                .hasMessage("items[0].vod.renditions.720p.byteRanges[0] must be <length>@<offset> in bytes, "
                        + "e.g. 720@0, was '1000'");
        String key = body.replace("\"byteRanges\": [\"1000\"]", "\"key\": {\"uri\": \"k\"}");
        assertThatThrownBy(() -> ChannelCommandJson.parseCommand("tv1", JSON.readTree(key), () -> "c1"))
                .hasMessage("items[0].vod.renditions.720p.key.method is required");
    }
}
