package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.durationProblem;
import static org.hlspipeline.processor.rules.InputRules.idProblem;
import static org.hlspipeline.processor.rules.InputRules.uriProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;

/**
 * The rules for one item of a channel command, in the words of the JSON form (DESIGN §9): first what holds for
 * the item alone ({@link #structureProblem}), then what holds for the channel it airs on ({@link #fitProblem}).
 * Messages are relative to the item; {@link #label} says which item.
 */
final class ItemRules {

    static final int MAX_TITLE_LENGTH = 1024;

    private ItemRules() {
    }

    /** {@code items[1] "ep2"}, or {@code items[1]} when the item id itself is the problem. */
    static String label(String where, Item item) {
        String id = item == null ? null : item.getItemId();
        return id != null && idProblem("itemId", id).isEmpty() ? where + " \"" + id + "\"" : where;
    }

    /** What is wrong with the item on its own, whatever channel it airs on. */
    static Optional<String> structureProblem(Item item) {
        if (item == null) {
            return Optional.of("the item is missing");
        }
        Optional<String> id = idProblem("itemId", item.getItemId());
        if (id.isPresent()) {
            return id;
        }
        if (item.getKind() == null) {
            return Optional.of("kind is missing");
        }
        Optional<String> title = titleProblem(item.getTitle());
        if (title.isPresent()) {
            return title;
        }
        Object source = item.getSource();
        if (source instanceof VodSource vod) {
            return vodProblem(item, vod);
        }
        if (source instanceof LiveSource live) {
            return liveProblem(item, live);
        }
        return Optional.of("give either a vod or a live source");
    }

    /**
     * What keeps an item that is valid on its own from airing on a channel with this ladder and target duration:
     * a missing rendition, or a segment longer than the target duration allows (RFC 8216 4.3.3.1: every EXTINF
     * rounded to the nearest integer is at most EXT-X-TARGETDURATION). A live relay is checked as it airs.
     */
    static Optional<String> fitProblem(Item item, Collection<String> ladder, int targetDurationSeconds) {
        if (!(item.getSource() instanceof VodSource vod)) {
            return Optional.empty();
        }
        Optional<String> missing = missingRenditions(vod, ladder);
        if (missing.isPresent()) {
            return missing;
        }
        List<Long> durations = durations(vod);
        int in = item.getInPoint() == null ? 0 : item.getInPoint();
        int out = item.getOutPoint() == null ? vod.getSegmentCount() : item.getOutPoint();
        if (durations.isEmpty()) {
            long micros = vod.getSegmentDurationMicros();
            if (roundedSeconds(micros) > targetDurationSeconds) {
                return Optional.of("segments last " + seconds(micros) + " s, which rounds to "
                        + roundedSeconds(micros) + " s, more than the channel's target duration of "
                        + targetDurationSeconds + " s (EXTINF may not exceed EXT-X-TARGETDURATION)");
            }
            return Optional.empty();
        }
        for (int i = in; i < out; i++) {
            long micros = durations.get(i);
            if (roundedSeconds(micros) > targetDurationSeconds) {
                return Optional.of("segment " + i + " lasts " + seconds(micros) + " s, which rounds to "
                        + roundedSeconds(micros) + " s, more than the channel's target duration of "
                        + targetDurationSeconds + " s (EXTINF may not exceed EXT-X-TARGETDURATION)");
            }
        }
        return Optional.empty();
    }

    /** The ladder's renditions that a VOD item does not provide, as a message; empty when it provides them all. */
    static Optional<String> missingRenditions(VodSource vod, Collection<String> ladder) {
        List<String> missing = new ArrayList<>();
        for (String name : ladder) {
            if (!vod.getRenditions().containsKey(name)) {
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

    private static Optional<String> vodProblem(Item item, VodSource vod) {
        int count = vod.getSegmentCount();
        if (count < 1) {
            return Optional.of("vod.segmentCount must be at least 1 (got " + count + ")");
        }
        if (vod.getStartNumber() < 0 || vod.getStartNumber() > InputRules.MAX_SEQUENCE) {
            return Optional.of("vod.startNumber must be 0 to 2^53 (got " + vod.getStartNumber() + ")");
        }
        List<Long> durations = durations(vod);
        if (durations.isEmpty()) {
            if (vod.getSegmentDurationMicros() == null) {
                return Optional.of("vod.segmentDuration or vod.durations is required");
            }
            Optional<String> duration = durationProblem(vod.getSegmentDurationMicros());
            if (duration.isPresent()) {
                return Optional.of("vod.segmentDuration: " + duration.get());
            }
        } else {
            if (durations.size() != count) {
                return Optional.of("vod.durations lists " + durations.size() + " values for " + count
                        + " segments");
            }
            for (int i = 0; i < durations.size(); i++) {
                Long micros = durations.get(i);
                Optional<String> duration = micros == null ? Optional.of("duration is missing")
                        : durationProblem(micros);
                if (duration.isPresent()) {
                    return Optional.of("vod.durations[" + i + "]: " + duration.get());
                }
            }
        }
        Map<String, RenditionSource> renditions = vod.getRenditions();
        if (renditions == null || renditions.isEmpty()) {
            return Optional.of("vod.renditions must give at least one rendition");
        }
        for (Map.Entry<String, RenditionSource> e : new TreeMap<>(renditions).entrySet()) {
            Optional<String> problem = renditionProblem(e.getKey(), e.getValue(), count, vod.getStartNumber());
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (item.getInPoint() != null || item.getOutPoint() != null) {
            int in = item.getInPoint() == null ? 0 : item.getInPoint();
            int out = item.getOutPoint() == null ? count : item.getOutPoint();
            if (in < 0 || out > count || in >= out) {
                return Optional.of("in and out must satisfy 0 <= in < out <= " + count + " (got " + in + ".."
                        + out + ")");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> renditionProblem(String name, RenditionSource source, int count,
                                                     long startNumber) {
        Optional<String> id = idProblem("rendition name", name);
        if (id.isPresent()) {
            return Optional.of("vod.renditions \"" + printable(name) + "\": " + id.get());
        }
        String where = "rendition " + name + ": ";
        if (source == null) {
            return Optional.of(where + "give a uriTemplate or uris");
        }
        String template = source.getUriTemplate();
        List<String> uris = source.getUris() == null ? List.of() : source.getUris();
        if ((template == null) == uris.isEmpty()) {
            return Optional.of(where + "give exactly one of uriTemplate or uris");
        }
        if (template != null) {
            if (!template.contains("{n}")) {
                return Optional.of(where + "uriTemplate must contain {n}, the segment number");
            }
            // The longest number the template is filled with: what the longest URI looks like.
            String longest = template.replace("{n}", Long.toString(startNumber + count - 1));
            return uriProblem(longest).map(problem -> where + "uriTemplate: " + problem);
        }
        if (uris.size() != count) {
            return Optional.of(where + "uris lists " + uris.size() + " URIs for " + count + " segments");
        }
        for (int i = 0; i < uris.size(); i++) {
            Optional<String> problem = uriProblem(uris.get(i));
            if (problem.isPresent()) {
                return Optional.of(where + "uris[" + i + "]: " + problem.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> liveProblem(Item item, LiveSource live) {
        Optional<String> stream = idProblem("live.streamId", live.getStreamId());
        if (stream.isPresent()) {
            return stream;
        }
        if (live.getMaxDurationMicros() != null && live.getMaxDurationMicros() <= 0) {
            return Optional.of("live.maxDuration must be greater than 0");
        }
        if (item.getInPoint() != null || item.getOutPoint() != null) {
            return Optional.of("in and out apply to vod items only, not to a live relay");
        }
        return Optional.empty();
    }

    private static List<Long> durations(VodSource vod) {
        return vod.getDurationsMicros() == null ? List.of() : vod.getDurationsMicros();
    }

    /** Rounded to the nearest second, halves up, as EXTINF is compared with EXT-X-TARGETDURATION. */
    static long roundedSeconds(long micros) {
        return (micros + 500_000) / 1_000_000;
    }

    static String seconds(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }

    /** The value with control characters shown as '?', for messages that end up in logs and HTTP answers. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 140));
        for (int i = 0; i < s.length() && i < 140; i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
        }
        return s.length() > 140 ? out.append('…').toString() : out.toString();
    }
}
