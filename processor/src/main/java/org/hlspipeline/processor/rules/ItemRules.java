package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.durationProblem;
import static org.hlspipeline.processor.rules.InputRules.idProblem;
import static org.hlspipeline.processor.rules.InputRules.printable;
import static org.hlspipeline.processor.rules.InputRules.uriProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hlspipeline.processor.playout.Item;
import org.hlspipeline.processor.playout.VodAsset;

/**
 * The rules for one item of a channel command, in the words of the JSON form (see docs/input-rules.md, Items):
 * first what holds for the item alone, over its fields as they arrive, then what holds for the channel it airs on
 * ({@link #fitProblem}), over the domain item that the fields make. Messages are relative to the item;
 * {@link #label} says which item. The adapter that reads the item's form asks them in the order of that form.
 */
public final class ItemRules {

    public static final int MAX_TITLE_LENGTH = 1024;

    public static final String MISSING = "the item is missing";
    public static final String NO_SOURCE = "give either a vod or a live source";
    public static final String NO_RENDITIONS = "vod.renditions must give at least one rendition";

    private ItemRules() {
    }

    /** {@code items[1] "ep2"}, or {@code items[1]} when the item id itself is the problem. */
    public static String label(String where, String itemId) {
        return itemId != null && idProblem("itemId", itemId).isEmpty() ? where + " \"" + itemId + "\"" : where;
    }

    /** The fields every item has, whatever its source. */
    public static Optional<String> headProblem(String itemId, boolean hasKind, String title) {
        Optional<String> id = idProblem("itemId", itemId);
        if (id.isPresent()) {
            return id;
        }
        if (!hasKind) {
            return Optional.of("kind is missing");
        }
        return titleProblem(title);
    }

    /** A VOD source's segment count and first number. */
    public static Optional<String> vodCountProblem(int segmentCount, long startNumber) {
        if (segmentCount < 1) {
            return Optional.of("vod.segmentCount must be at least 1 (got " + segmentCount + ")");
        }
        if (startNumber < 0 || startNumber > InputRules.MAX_SEQUENCE) {
            return Optional.of("vod.startNumber must be 0 to 2^53 (got " + startNumber + ")");
        }
        return Optional.empty();
    }

    /**
     * A VOD source's durations: one for every segment ({@code segmentDurationMicros}), or one each
     * ({@code durationsMicros}, of which an element may be missing).
     */
    public static Optional<String> vodDurationsProblem(Long segmentDurationMicros, List<Long> durationsMicros,
                                                       int segmentCount) {
        if (durationsMicros.isEmpty()) {
            if (segmentDurationMicros == null) {
                return Optional.of("vod.segmentDuration or vod.durations is required");
            }
            return durationProblem(segmentDurationMicros).map(problem -> "vod.segmentDuration: " + problem);
        }
        Optional<String> size = ListLimits.segmentEntriesProblem("vod.durations", "values", durationsMicros.size(),
                "one segmentDuration for all segments");
        if (size.isPresent()) {
            return size;
        }
        if (durationsMicros.size() != segmentCount) {
            return Optional.of("vod.durations lists " + durationsMicros.size() + " values for " + segmentCount
                    + " segments");
        }
        for (int i = 0; i < durationsMicros.size(); i++) {
            Long micros = durationsMicros.get(i);
            Optional<String> duration = micros == null ? Optional.of("duration is missing") : durationProblem(micros);
            if (duration.isPresent()) {
                return Optional.of("vod.durations[" + i + "]: " + duration.get());
            }
        }
        return Optional.empty();
    }

    /**
     * Where one rendition of a VOD source's segments are.
     *
     * @param given    whether the rendition says anything at all
     * @param template the URI template, or null
     * @param uris     the explicit URIs, empty when there are none
     */
    public static Optional<String> renditionProblem(String name, boolean given, String template, List<String> uris,
                                                    int segmentCount, long startNumber) {
        Optional<String> id = idProblem("rendition name", name);
        if (id.isPresent()) {
            return Optional.of("vod.renditions \"" + printable(name) + "\": " + id.get());
        }
        String where = "rendition " + name + ": ";
        if (!given) {
            return Optional.of(where + "give a uriTemplate or uris");
        }
        if ((template == null) == uris.isEmpty()) {
            return Optional.of(where + "give exactly one of uriTemplate or uris");
        }
        if (template != null) {
            if (!template.contains("{n}")) {
                return Optional.of(where + "uriTemplate must contain {n}, the segment number");
            }
            // The longest number the template is filled with: what the longest URI looks like.
            String longest = template.replace("{n}", Long.toString(startNumber + segmentCount - 1));
            return uriProblem(longest).map(problem -> where + "uriTemplate: " + problem);
        }
        Optional<String> size = ListLimits.segmentEntriesProblem(where + "uris", "URIs", uris.size(),
                "a uriTemplate");
        if (size.isPresent()) {
            return size;
        }
        if (uris.size() != segmentCount) {
            return Optional.of(where + "uris lists " + uris.size() + " URIs for " + segmentCount + " segments");
        }
        for (int i = 0; i < uris.size(); i++) {
            Optional<String> problem = uriProblem(uris.get(i));
            if (problem.isPresent()) {
                return Optional.of(where + "uris[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    /**
     * A rendition's initialisation section (EXT-X-MAP), by the rules of a segment's
     * ({@link StreamEventRules#mapProblem}); {@code length} null when it has no byte range.
     */
    public static Optional<String> mapProblem(String rendition, String uri, Long length, Long offset) {
        return StreamEventRules.mapProblem(uri, length, offset).map(problem -> "rendition " + rendition + ": "
                + problem);
    }

    /**
     * A rendition's byte ranges (EXT-X-BYTERANGE): none, or one per segment, each by the rules of a segment's
     * ({@link StreamEventRules#byteRangeProblem}).
     */
    public static Optional<String> byteRangesProblem(String rendition, List<Long> lengths, List<Long> offsets,
                                                     int segmentCount) {
        String where = "rendition " + rendition + ": ";
        Optional<String> size = ListLimits.segmentEntriesProblem(where + "byteRanges", "ranges", lengths.size(),
                "segments of their own files, or split the asset");
        if (size.isPresent()) {
            return size;
        }
        if (!lengths.isEmpty() && lengths.size() != segmentCount) {
            return Optional.of(where + "byteRanges lists " + lengths.size() + " ranges for " + segmentCount
                    + " segments; give one per segment, or none");
        }
        for (int i = 0; i < lengths.size(); i++) {
            Optional<String> problem = StreamEventRules.byteRangeProblem(lengths.get(i), offsets.get(i));
            if (problem.isPresent()) {
                return Optional.of(where + "byteRanges[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    /**
     * A rendition's key (EXT-X-KEY), by the rules of a segment's ({@link StreamEventRules#keyProblem}): with a
     * map, an AES-128 key needs its IV.
     */
    public static Optional<String> keyProblem(String rendition, String method, String uri, String iv,
                                              String keyFormat, String keyFormatVersions, boolean withMap) {
        return StreamEventRules.keyProblem(method, uri, iv, keyFormat, keyFormatVersions, withMap)
                .map(problem -> "rendition " + rendition + ": " + problem);
    }

    /** A VOD item's in and out points; null means the asset's start or end. */
    public static Optional<String> rangeProblem(Integer inPoint, Integer outPoint, int segmentCount) {
        if (inPoint == null && outPoint == null) {
            return Optional.empty();
        }
        int in = inPoint == null ? 0 : inPoint;
        int out = outPoint == null ? segmentCount : outPoint;
        if (in < 0 || out > segmentCount || in >= out) {
            return Optional.of("in and out must satisfy 0 <= in < out <= " + segmentCount + " (got " + in + ".."
                    + out + ")");
        }
        return Optional.empty();
    }

    /** A live relay, and the in and out points it may not have. */
    public static Optional<String> liveProblem(String streamId, Long maxDurationMicros, Integer inPoint,
                                               Integer outPoint) {
        Optional<String> stream = idProblem("live.streamId", streamId);
        if (stream.isPresent()) {
            return stream;
        }
        if (maxDurationMicros != null && maxDurationMicros <= 0) {
            return Optional.of("live.maxDuration must be greater than 0");
        }
        if (inPoint != null || outPoint != null) {
            return Optional.of("in and out apply to vod items only, not to a live relay");
        }
        return Optional.empty();
    }

    /**
     * What keeps an item that is valid on its own from airing on a channel with this ladder and target duration:
     * a missing rendition, or a segment longer than the target duration allows (RFC 8216 4.3.3.1: every EXTINF
     * rounded to the nearest integer is at most EXT-X-TARGETDURATION). A live relay is checked as it airs.
     */
    public static Optional<String> fitProblem(Item item, Collection<String> ladder, int targetDurationSeconds) {
        if (!(item.source() instanceof VodAsset vod)) {
            return Optional.empty();
        }
        Optional<String> missing = missingRenditions(vod.renditionNames(), ladder);
        if (missing.isPresent()) {
            return missing;
        }
        if (vod.durationsMicros().isEmpty()) {
            long micros = vod.segmentDurationMicros();
            if (roundedSeconds(micros) > targetDurationSeconds) {
                return Optional.of("segments last " + seconds(micros) + " s, which rounds to "
                        + roundedSeconds(micros) + " s, more than the channel's target duration of "
                        + targetDurationSeconds + " s (EXTINF may not exceed EXT-X-TARGETDURATION)");
            }
            return Optional.empty();
        }
        for (int i = item.inPoint(); i < item.outPoint(); i++) {
            long micros = vod.durationMicros(i);
            if (roundedSeconds(micros) > targetDurationSeconds) {
                return Optional.of("segment " + i + " lasts " + seconds(micros) + " s, which rounds to "
                        + roundedSeconds(micros) + " s, more than the channel's target duration of "
                        + targetDurationSeconds + " s (EXTINF may not exceed EXT-X-TARGETDURATION)");
            }
        }
        return Optional.empty();
    }

    /** The ladder's renditions that a VOD item does not provide, as a message; empty when it provides them all. */
    static Optional<String> missingRenditions(Set<String> provided, Collection<String> ladder) {
        List<String> missing = new ArrayList<>();
        for (String name : ladder) {
            if (!provided.contains(name)) {
                missing.add(name);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(missing.size() == 1
                ? "rendition " + missing.get(0) + " of the ladder is missing"
                : "renditions " + String.join(", ", missing) + " of the ladder are missing");
    }

    private static Optional<String> titleProblem(String title) {
        if (title == null) {
            return Optional.empty();
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            return Optional.of("title is " + title.length() + " characters long, more than " + MAX_TITLE_LENGTH);
        }
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of("title contains a control character at index " + i);
            }
        }
        return Optional.empty();
    }

    /** Rounded to the nearest second, halves up, as EXTINF is compared with EXT-X-TARGETDURATION. */
    static long roundedSeconds(long micros) {
        return (micros + 500_000) / 1_000_000;
    }

    static String seconds(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
