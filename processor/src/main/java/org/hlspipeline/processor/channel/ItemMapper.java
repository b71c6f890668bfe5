package org.hlspipeline.processor.channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.processor.kafka.SegmentMediaRecords;
import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.ItemKind;
import org.hlspipeline.processor.playout.LiveStream;
import org.hlspipeline.processor.playout.RenditionUris;
import org.hlspipeline.processor.playout.SegmentSource;
import org.hlspipeline.processor.playout.VodAsset;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;

/**
 * An item in the Avro contract ({@code hls.channel-commands}, channel state) and in the playout domain, both ways.
 *
 * <p>The Avro form is canonical: an in point of 0 and an out point at the asset's end are written as null (the
 * whole asset), a live relay without limit has a null {@code maxDurationMicros} (0 in the domain), and an asset
 * with one segment duration keeps it in {@code segmentDurationMicros} with an empty {@code durationsMicros}. So
 * {@code fromAvro(toAvro(item))} equals {@code item}, and {@code toAvro(fromAvro(record))} equals a record in
 * canonical form. Both directions expect valid input (see {@link ChannelCommandCheck}); the domain's
 * constructors throw on what is not.
 */
public final class ItemMapper {

    private ItemMapper() {
    }

    public static Item fromAvro(org.hlspipeline.schemas.channel.Item item) {
        ItemKind kind = ItemKind.valueOf(item.getKind().name());
        Object source = item.getSource();
        if (source instanceof VodSource vod) {
            VodAsset asset = asset(vod);
            int in = item.getInPoint() == null ? 0 : item.getInPoint();
            int out = item.getOutPoint() == null ? asset.segmentCount() : item.getOutPoint();
            return new Item(item.getItemId(), kind, item.getTitle(), asset, in, out, item.getLoop(),
                    item.getContinuousTimestamps());
        }
        if (source instanceof LiveSource live) {
            long max = live.getMaxDurationMicros() == null ? 0 : live.getMaxDurationMicros();
            return new Item(item.getItemId(), kind, item.getTitle(), new LiveStream(live.getStreamId(), max), 0, 0,
                    item.getLoop(), item.getContinuousTimestamps());
        }
        throw new IllegalArgumentException("item " + item.getItemId() + " has no vod or live source");
    }

    public static org.hlspipeline.schemas.channel.Item toAvro(Item item) {
        SegmentSource source = item.source();
        Integer in = null;
        Integer out = null;
        Object avroSource;
        if (source instanceof VodAsset asset) {
            avroSource = vodSource(asset);
            in = item.inPoint() == 0 ? null : item.inPoint();
            out = item.outPoint() == asset.segmentCount() ? null : item.outPoint();
        } else {
            LiveStream live = (LiveStream) source;
            avroSource = new LiveSource(live.streamId(),
                    live.maxDurationMicros() == 0 ? null : live.maxDurationMicros());
        }
        return new org.hlspipeline.schemas.channel.Item(item.itemId(),
                org.hlspipeline.schemas.channel.ItemKind.valueOf(item.kind().name()), item.title(), avroSource, in,
                out, item.loop(), item.continuousTimestamps());
    }

    public static List<Item> fromAvro(List<org.hlspipeline.schemas.channel.Item> items) {
        return items.stream().map(ItemMapper::fromAvro).toList();
    }

    public static List<org.hlspipeline.schemas.channel.Item> toAvro(List<Item> items) {
        // Avro's generated records hold the list they are given; give them one they may keep.
        return new ArrayList<>(items.stream().map(ItemMapper::toAvro).toList());
    }

    private static VodAsset asset(VodSource vod) {
        Map<String, RenditionUris> renditions = new LinkedHashMap<>();
        vod.getRenditions().forEach((name, source) -> renditions.put(name,
                new RenditionUris(source.getUriTemplate(), source.getUris(),
                        SegmentMediaRecords.initSection(source.getMap()),
                        source.getByteRanges() == null ? List.of()
                                : source.getByteRanges().stream().map(SegmentMediaRecords::byteRange).toList(),
                        SegmentMediaRecords.key(source.getKey()))));
        List<Long> durations = vod.getDurationsMicros() == null ? List.of() : vod.getDurationsMicros();
        long segmentDuration = vod.getSegmentDurationMicros() == null ? 0 : vod.getSegmentDurationMicros();
        return new VodAsset(renditions, vod.getSegmentCount(), segmentDuration, durations, vod.getStartNumber());
    }

    private static VodSource vodSource(VodAsset asset) {
        Map<String, RenditionSource> renditions = new LinkedHashMap<>();
        asset.renditions().forEach((name, uris) -> renditions.put(name,
                RenditionSource.newBuilder().setUriTemplate(uris.template())
                        .setUris(new ArrayList<>(uris.uris()))
                        .setMap(SegmentMediaRecords.initSectionRecord(uris.map()))
                        .setByteRanges(new ArrayList<>(uris.byteRanges().stream()
                                .map(SegmentMediaRecords::byteRangeRecord).toList()))
                        .setKey(SegmentMediaRecords.keyRecord(uris.key())).build()));
        return new VodSource(renditions, asset.segmentCount(),
                asset.segmentDurationMicros() == 0 ? null : asset.segmentDurationMicros(),
                new ArrayList<>(asset.durationsMicros()), asset.startNumber());
    }
}
