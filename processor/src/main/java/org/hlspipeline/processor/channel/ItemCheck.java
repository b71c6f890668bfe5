package org.hlspipeline.processor.channel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hlspipeline.processor.rules.ChannelCommandRules;
import org.hlspipeline.processor.rules.ChannelTerms;
import org.hlspipeline.processor.rules.ItemRules;
import org.hlspipeline.processor.rules.ListLimits;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.stream.ByteRange;
import org.hlspipeline.schemas.stream.InitSection;
import org.hlspipeline.schemas.stream.SegmentKey;

/**
 * Asks {@link ItemRules} about the items of a channel command as the Avro contract carries them: first each
 * item's fields in the order of its form, then, once every item makes a domain item, whether they fit the
 * channel.
 */
final class ItemCheck {

    private ItemCheck() {
    }

    /** Every item valid on its own, then every item fitting the channel. */
    static Optional<String> itemsProblem(List<Item> items, ChannelTerms terms) {
        return itemsStructureProblem(items).or(() -> terms.itemsProblem(ItemMapper.fromAvro(items)));
    }

    static Optional<String> itemsStructureProblem(List<Item> items) {
        if (items == null || items.isEmpty()) {
            return Optional.of(ChannelCommandRules.NO_ITEMS);
        }
        Optional<String> size = ListLimits.itemsProblem(items.size());
        if (size.isPresent()) {
            return size;
        }
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Optional<String> problem = structureProblem(item);
            if (problem.isPresent()) {
                return Optional.of(label("items[" + i + "]", item) + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    static String label(String where, Item item) {
        return ItemRules.label(where, item == null ? null : item.getItemId());
    }

    /** What is wrong with the item on its own, whatever channel it airs on. */
    static Optional<String> structureProblem(Item item) {
        if (item == null) {
            return Optional.of(ItemRules.MISSING);
        }
        Optional<String> head = ItemRules.headProblem(item.getItemId(), item.getKind() != null, item.getTitle());
        if (head.isPresent()) {
            return head;
        }
        Object source = item.getSource();
        if (source instanceof VodSource vod) {
            return vodProblem(item, vod);
        }
        if (source instanceof LiveSource live) {
            return ItemRules.liveProblem(live.getStreamId(), live.getMaxDurationMicros(), item.getInPoint(),
                    item.getOutPoint());
        }
        return Optional.of(ItemRules.NO_SOURCE);
    }

    private static Optional<String> vodProblem(Item item, VodSource vod) {
        int count = vod.getSegmentCount();
        List<Long> durations = vod.getDurationsMicros() == null ? List.of() : vod.getDurationsMicros();
        Optional<String> problem = ItemRules.vodCountProblem(count, vod.getStartNumber())
                .or(() -> ItemRules.vodDurationsProblem(vod.getSegmentDurationMicros(), durations, count));
        if (problem.isPresent()) {
            return problem;
        }
        Map<String, RenditionSource> renditions = vod.getRenditions();
        if (renditions == null || renditions.isEmpty()) {
            return Optional.of(ItemRules.NO_RENDITIONS);
        }
        Optional<String> size = ListLimits.renditionsProblem("vod.renditions", renditions.size());
        if (size.isPresent()) {
            return size;
        }
        for (Map.Entry<String, RenditionSource> e : new TreeMap<>(renditions).entrySet()) {
            RenditionSource source = e.getValue();
            Optional<String> rendition = ItemRules.renditionProblem(e.getKey(), source != null,
                    source == null ? null : source.getUriTemplate(),
                    source == null || source.getUris() == null ? List.of() : source.getUris(), count,
                    vod.getStartNumber());
            if (rendition.isPresent()) {
                return rendition;
            }
            Optional<String> media = mediaProblem(e.getKey(), source, count);
            if (media.isPresent()) {
                return media;
            }
        }
        return ItemRules.rangeProblem(item.getInPoint(), item.getOutPoint(), count);
    }

    /** The rendition's initialisation section, byte ranges and key, in the order of its form. */
    private static Optional<String> mediaProblem(String name, RenditionSource source, int count) {
        InitSection map = source.getMap();
        Optional<String> problem = Optional.empty();
        if (map != null) {
            ByteRange range = map.getByteRange();
            problem = ItemRules.mapProblem(name, map.getUri(), range == null ? null : range.getLength(),
                    range == null ? null : range.getOffset());
        }
        List<ByteRange> ranges = source.getByteRanges() == null ? List.of() : source.getByteRanges();
        if (problem.isEmpty()) {
            problem = ItemRules.byteRangesProblem(name, ranges.stream().map(ByteRange::getLength).toList(),
                    ranges.stream().map(ByteRange::getOffset).toList(), count);
        }
        SegmentKey key = source.getKey();
        if (problem.isEmpty() && key != null) {
            problem = ItemRules.keyProblem(name, key.getMethod(), key.getUri(), key.getIv(), key.getKeyFormat(),
                    key.getKeyFormatVersions(), map != null);
        }
        return problem;
    }
}
