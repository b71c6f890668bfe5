package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.live;
import static org.hlspipeline.processor.channel.AvroChannels.uris;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.AvroChannels.vodOf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.LiveStream;
import org.hlspipeline.processor.playout.RenditionUris;
import org.hlspipeline.processor.playout.VodAsset;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.VodSource;
import org.junit.jupiter.api.Test;

class ItemMapperTest {

    @Test
    void aUniformAssetKeepsOneDurationAndTheWholeRange() {
        Item domain = Channels.item("ep1", 90);

        org.hlspipeline.schemas.channel.Item avro = ItemMapper.toAvro(domain);

        VodSource vod = vodOf(avro);
        assertThat(vod.getSegmentCount()).isEqualTo(90);
        assertThat(vod.getSegmentDurationMicros()).isEqualTo(2_000_000L);
        assertThat(vod.getDurationsMicros()).isEmpty();
        assertThat(vod.getRenditions().get("720p").getUriTemplate())
                .isEqualTo("https://cdn.example/ep1/720p/seg{n}.ts");
        assertThat(vod.getRenditions().get("720p").getUris()).isEmpty();
        assertThat(avro.getInPoint()).isNull();
        assertThat(avro.getOutPoint()).isNull();
        assertThat(avro.getTitle()).isEqualTo("EP1");
        assertThat(ItemMapper.fromAvro(avro)).isEqualTo(domain);
    }

    @Test
    void everythingAnAvroItemSaysSurvivesTheDomain() {
        org.hlspipeline.schemas.channel.Item avro = vod("ad1", 3);
        avro.setKind(org.hlspipeline.schemas.channel.ItemKind.AD);
        avro.setTitle(null);
        vodOf(avro).setSegmentDurationMicros(null);
        vodOf(avro).setDurationsMicros(list(2_000_000L, 1_500_000L, 1_960_000L));
        vodOf(avro).setStartNumber(40L);
        vodOf(avro).getRenditions().put("480p", uris("a.ts", "b.ts", "c.ts"));
        avro.setInPoint(1);
        avro.setOutPoint(2);
        avro.setLoop(true);
        avro.setContinuousTimestamps(true);

        Item domain = ItemMapper.fromAvro(avro);

        assertThat(domain.kind()).isEqualTo(ItemKind.AD);
        assertThat(domain.inPoint()).isEqualTo(1);
        assertThat(domain.outPoint()).isEqualTo(2);
        assertThat(domain.loop()).isTrue();
        assertThat(domain.continuousTimestamps()).isTrue();
        assertThat(domain.vod().durationMicros(2)).isEqualTo(1_960_000L);
        assertThat(domain.vod().uri("720p", 1)).isEqualTo("https://cdn.example/ad1/720p/seg41.ts");
        assertThat(domain.vod().uri("480p", 1)).isEqualTo("b.ts");
        assertThat(ItemMapper.toAvro(domain)).isEqualTo(avro);
    }

    @Test
    void aSegmentDurationBesideDurationsIsKept() {
        org.hlspipeline.schemas.channel.Item avro = vod("ep1", 2);
        vodOf(avro).setDurationsMicros(list(1_000_000L, 2_000_000L));

        assertThat(ItemMapper.toAvro(ItemMapper.fromAvro(avro))).isEqualTo(avro);
    }

    @Test
    void explicitWholeRangesAreWrittenCanonicallyAsNull() {
        org.hlspipeline.schemas.channel.Item avro = vod("ep1", 10);
        avro.setInPoint(0);
        avro.setOutPoint(10);

        Item domain = ItemMapper.fromAvro(avro);

        assertThat(domain.inPoint()).isZero();
        assertThat(domain.outPoint()).isEqualTo(10);
        org.hlspipeline.schemas.channel.Item back = ItemMapper.toAvro(domain);
        assertThat(back.getInPoint()).isNull();
        assertThat(back.getOutPoint()).isNull();
    }

    @Test
    void aDomainItemWithARangeAndUriListsRoundTrips() {
        VodAsset asset = new VodAsset(Map.of("720p", new RenditionUris(null, List.of("a.ts", "b.ts", "c.ts")),
                "480p", RenditionUris.template("480p/{n}.ts")), 3, 0, List.of(1L, 2L, 3L), 7);
        Item domain = new Item("x", ItemKind.PROMO, "Promo", asset, 1, 3, true, false);

        assertThat(ItemMapper.fromAvro(ItemMapper.toAvro(domain))).isEqualTo(domain);
    }

    @Test
    void aLiveRelayWithoutLimitIsNullInAvroAndZeroInTheDomain() {
        org.hlspipeline.schemas.channel.Item avro = live("news", "news-feed", null);

        Item domain = ItemMapper.fromAvro(avro);

        assertThat(domain.source()).isEqualTo(new LiveStream("news-feed", 0));
        assertThat(ItemMapper.toAvro(domain)).isEqualTo(avro);
        assertThat(((LiveSource) ItemMapper.toAvro(domain).getSource()).getMaxDurationMicros()).isNull();
    }

    @Test
    void aLiveRelaysLimitRoundTrips() {
        org.hlspipeline.schemas.channel.Item avro = live("news", "news-feed", 600_000_000L);
        avro.setKind(org.hlspipeline.schemas.channel.ItemKind.ALERT);

        Item domain = ItemMapper.fromAvro(avro);

        assertThat(domain.source()).isEqualTo(new LiveStream("news-feed", 600_000_000L));
        assertThat(domain.kind()).isEqualTo(ItemKind.ALERT);
        assertThat(ItemMapper.toAvro(domain)).isEqualTo(avro);
    }

    @Test
    void everyKindMapsByName() {
        for (ItemKind kind : ItemKind.values()) {
            Item domain = new Item("k", kind, null, Channels.asset("k", 1), 0, 1, false, false);
            org.hlspipeline.schemas.channel.Item avro = ItemMapper.toAvro(domain);
            assertThat(avro.getKind().name()).isEqualTo(kind.name());
            assertThat(ItemMapper.fromAvro(avro).kind()).isEqualTo(kind);
        }
        assertThat(org.hlspipeline.schemas.channel.ItemKind.values()).hasSameSizeAs(ItemKind.values());
    }

    @Test
    void whatToAvroMakesEncodesAndDecodes() throws IOException {
        Item domain = new Item("x", ItemKind.PROMO, "Promo", new VodAsset(
                Map.of("720p", new RenditionUris(null, List.of("a.ts", "b.ts"))), 2, 0, List.of(1L, 2L), 0),
                0, 1, false, true);

        ByteBuffer bytes = org.hlspipeline.schemas.channel.Item.getEncoder().encode(ItemMapper.toAvro(domain));
        org.hlspipeline.schemas.channel.Item decoded = org.hlspipeline.schemas.channel.Item.getDecoder().decode(bytes);

        assertThat(ItemMapper.fromAvro(decoded)).isEqualTo(domain);
    }
}
