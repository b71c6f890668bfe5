package org.hlspipeline.processor.playout;

import java.util.Objects;

/**
 * One thing a channel airs. For a VOD source, {@code inPoint}..{@code outPoint} (out exclusive) is the range of
 * the asset's segments that airs, which is how "episode 00:00–03:00, an ad, episode 03:00–06:00" is built from
 * one asset.
 *
 * @param continuousTimestamps the asset's timestamps run on across a loop wrap, so the wrap needs no
 *                             discontinuity (RFC 8216 4.3.2.3)
 */
public record Item(String itemId, ItemKind kind, String title, SegmentSource source, int inPoint, int outPoint,
                   boolean loop, boolean continuousTimestamps) {

    public Item {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        if (source instanceof VodAsset asset) {
            if (inPoint < 0 || outPoint > asset.segmentCount() || inPoint >= outPoint) {
                throw new IllegalArgumentException("item " + itemId + ": in and out must satisfy 0 <= in < out <= "
                        + asset.segmentCount() + " (got " + inPoint + ".." + outPoint + ")");
            }
        }
    }

    /** The whole asset, not looping. */
    public static Item of(String itemId, ItemKind kind, String title, VodAsset asset) {
        return new Item(itemId, kind, title, asset, 0, asset.segmentCount(), false, false);
    }

    public Item looping() {
        return new Item(itemId, kind, title, source, inPoint, outPoint, true, continuousTimestamps);
    }

    public Item withRange(int in, int out) {
        return new Item(itemId, kind, title, source, in, out, loop, continuousTimestamps);
    }

    public Item notLooping() {
        return loop ? new Item(itemId, kind, title, source, inPoint, outPoint, false, continuousTimestamps) : this;
    }

    public VodAsset vod() {
        if (source instanceof VodAsset asset) {
            return asset;
        }
        throw new IllegalStateException("item " + itemId + " relays a live stream");
    }
}
