package org.hlspipeline.processor.window;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hlspipeline.processor.hls.AlternativeDescription;
import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.RenditionGroups;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.VariantDescription;

/**
 * What is known of a stream as a whole: its renditions (those that have received segments), how renditions are
 * described (possibly before their first segment), the key in force at each rendition's newest segment, and
 * whether it has ended. The windows themselves live under their own keys, so one rendition's segment never
 * rewrites the others.
 *
 * @param keys rendition to the key of its newest segment; a rendition in the clear has none
 */
public record StreamState(String streamId, SortedSet<String> renditions,
                          SortedMap<String, RenditionDescription> descriptions, SortedMap<String, SegmentKey> keys,
                          boolean ended, long lastActivityMillis) {

    /** Variants by bandwidth, so a player that starts on the first variant starts cheaply; then by name. */
    private static final Comparator<Map.Entry<String, RenditionDescription>> LISTING_ORDER =
            Comparator.<Map.Entry<String, RenditionDescription>>comparingInt(e -> e.getValue().type().ordinal())
                    .thenComparing(e -> e.getValue() instanceof AlternativeDescription a ? a.groupId() : "")
                    .thenComparingLong(e -> e.getValue() instanceof VariantDescription v ? v.bandwidth() : 0)
                    .thenComparing(Map.Entry::getKey);

    public StreamState {
        Objects.requireNonNull(streamId, "streamId");
        renditions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(renditions));
        descriptions = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(descriptions));
        keys = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(keys));
    }

    public static StreamState start(String streamId, long nowMillis) {
        return new StreamState(streamId, new TreeSet<>(), new TreeMap<>(), new TreeMap<>(), false, nowMillis);
    }

    public StreamState withRendition(String rendition, long nowMillis) {
        if (renditions.contains(rendition)) {
            return touched(nowMillis);
        }
        SortedSet<String> more = new TreeSet<>(renditions);
        more.add(rendition);
        return new StreamState(streamId, more, descriptions, keys, ended, Math.max(lastActivityMillis, nowMillis));
    }

    public StreamState describe(String rendition, RenditionDescription description, long nowMillis) {
        SortedMap<String, RenditionDescription> more = new TreeMap<>(descriptions);
        more.put(rendition, description);
        return new StreamState(streamId, renditions, more, keys, ended, Math.max(lastActivityMillis, nowMillis));
    }

    /** The stream with {@code key} (null: none) in force at {@code rendition}'s newest segment; this if unchanged. */
    public StreamState withKey(String rendition, SegmentKey key) {
        if (Objects.equals(keys.get(rendition), key)) {
            return this;
        }
        SortedMap<String, SegmentKey> changed = new TreeMap<>(keys);
        if (key == null) {
            changed.remove(rendition);
        } else {
            changed.put(rendition, key);
        }
        return new StreamState(streamId, renditions, descriptions, changed, ended, lastActivityMillis);
    }

    public StreamState end(long nowMillis) {
        return new StreamState(streamId, renditions, descriptions, keys, true,
                Math.max(lastActivityMillis, nowMillis));
    }

    public StreamState touched(long nowMillis) {
        if (nowMillis <= lastActivityMillis) {
            return this;
        }
        return new StreamState(streamId, renditions, descriptions, keys, ended, nowMillis);
    }

    public boolean idleSince(long cutoffMillis) {
        return lastActivityMillis < cutoffMillis;
    }

    /** Why {@code rendition} cannot be described so beside the stream's other renditions, or empty. */
    public Optional<String> describingProblem(String rendition, RenditionDescription description) {
        return RenditionGroups.joiningProblem(descriptions, rendition, description);
    }

    /** Whether {@code rendition} is described as an I-frame playlist. */
    public boolean isIFramePlaylist(String rendition) {
        RenditionDescription description = descriptions.get(rendition);
        return description != null && description.iFramesOnly();
    }

    /** Whether the master playlist has a variant to list, so that the stream can be played. */
    public boolean hasPlayableRendition() {
        return toMasterPlaylist().isPresent();
    }

    /**
     * The master playlist of the described renditions that have segments, so no URI in it leads to a 404: a
     * variant whose audio or subtitles group has no such member yet is held out, and alternatives are listed
     * when a listed variant names their group. Session keys are the keys in force at the listed renditions'
     * newest segments, without their IVs. URIs are relative to {@code /streams/{id}/master.m3u8}. Empty while
     * no variant can be listed.
     */
    public Optional<MasterPlaylist> toMasterPlaylist() {
        List<Map.Entry<String, RenditionDescription>> entries = new ArrayList<>();
        for (Map.Entry<String, RenditionDescription> e : descriptions.entrySet()) {
            if (renditions.contains(e.getKey())) {
                entries.add(e);
            }
        }
        entries.sort(LISTING_ORDER);
        Map<String, RenditionDescription> listed = new LinkedHashMap<>();
        entries.forEach(e -> listed.put(e.getKey(), e.getValue()));
        return MasterPlaylist.listing(listed, StreamState::uri, List.of())
                .map(master -> withSessionKeys(master, listed));
    }

    private MasterPlaylist withSessionKeys(MasterPlaylist master, Map<String, RenditionDescription> listed) {
        java.util.Set<String> uris = new java.util.HashSet<>();
        master.variants().forEach(v -> uris.add(v.uri()));
        master.alternatives().forEach(a -> uris.add(a.uri()));
        LinkedHashSet<SegmentKey> sessionKeys = new LinkedHashSet<>();
        for (String rendition : listed.keySet()) {
            SegmentKey key = keys.get(rendition);
            if (key != null && uris.contains(uri(rendition))) {
                sessionKeys.add(key.withoutIv());
            }
        }
        return sessionKeys.isEmpty() ? master
                : new MasterPlaylist(master.variants(), master.alternatives(), List.copyOf(sessionKeys));
    }

    private static String uri(String rendition) {
        return "renditions/" + rendition + "/playlist.m3u8";
    }
}
