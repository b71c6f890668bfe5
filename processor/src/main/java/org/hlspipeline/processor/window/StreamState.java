package org.hlspipeline.processor.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.Variant;

/**
 * What is known of a stream as a whole: its renditions (those that have received segments), how renditions are
 * described (possibly before their first segment), and whether it has ended.
 * The windows themselves live under their own keys, so one rendition's segment never rewrites the others.
 */
public record StreamState(String streamId, SortedSet<String> renditions,
                          SortedMap<String, RenditionDescription> descriptions, boolean ended,
                          long lastActivityMillis) {

    public StreamState {
        Objects.requireNonNull(streamId, "streamId");
        renditions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(renditions));
        descriptions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
    }

    public static StreamState start(String streamId, long nowMillis) {
        return new StreamState(streamId, new TreeSet<>(), new TreeMap<>(), false, nowMillis);
    }

    public StreamState withRendition(String rendition, long nowMillis) {
        if (renditions.contains(rendition)) {
            return touched(nowMillis);
        }
        SortedSet<String> more = new TreeSet<>(renditions);
        more.add(rendition);
        return new StreamState(streamId, more, descriptions, ended, Math.max(lastActivityMillis, nowMillis));
    }

    public StreamState describe(String rendition, RenditionDescription description, long nowMillis) {
        SortedMap<String, RenditionDescription> more = new TreeMap<>(descriptions);
        more.put(rendition, description);
        return new StreamState(streamId, renditions, more, ended, Math.max(lastActivityMillis, nowMillis));
    }

    public StreamState end(long nowMillis) {
        return new StreamState(streamId, renditions, descriptions, true, Math.max(lastActivityMillis, nowMillis));
    }

    public StreamState touched(long nowMillis) {
        if (nowMillis <= lastActivityMillis) {
            return this;
        }
        return new StreamState(streamId, renditions, descriptions, ended, nowMillis);
    }

    public boolean idleSince(long cutoffMillis) {
        return lastActivityMillis < cutoffMillis;
    }

    /** Renditions the master playlist can list: described, and with segments, so no variant leads to a 404. */
    public boolean hasPlayableRendition() {
        return descriptions.keySet().stream().anyMatch(renditions::contains);
    }

    /**
     * The master playlist: every described rendition that has segments, lowest bandwidth first so the order is
     * stable and a player that starts on the first variant starts cheaply. URIs are relative to
     * {@code /streams/{id}/master.m3u8}.
     */
    public MasterPlaylist toMasterPlaylist() {
        List<Map.Entry<String, RenditionDescription>> entries = new ArrayList<>();
        for (Map.Entry<String, RenditionDescription> e : descriptions.entrySet()) {
            if (renditions.contains(e.getKey())) {
                entries.add(e);
            }
        }
        entries.sort(Comparator.<Map.Entry<String, RenditionDescription>>comparingLong(e -> e.getValue().bandwidth())
                .thenComparing(Map.Entry::getKey));
        List<Variant> variants = new ArrayList<>(entries.size());
        for (Map.Entry<String, RenditionDescription> e : entries) {
            RenditionDescription d = e.getValue();
            variants.add(new Variant("renditions/" + e.getKey() + "/playlist.m3u8", d.bandwidth(),
                    d.averageBandwidth(), d.resolution(), d.codecs(), d.frameRate()));
        }
        return new MasterPlaylist(variants);
    }
}
