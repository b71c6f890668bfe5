package org.hlspipeline.tools.asset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hlspipeline.processor.rules.InputRules;
import org.hlspipeline.tools.cli.ToolFailure;

/**
 * The asset descriptor of a VOD asset: the {@code "vod"} object of an item in the channel commands' JSON form
 * (see docs/architecture.md, Command forms and producer-tools), built from every rendition's segment URIs and
 * durations.
 *
 * <ul>
 *   <li>A rendition gets a {@code "uriTemplate"} when its URIs are one text with consecutive numbers in one place,
 *       written without leading zeros, from the asset's {@code "startNumber"} ({@code seg{n}.ts}); otherwise the
 *       explicit {@code "uris"} list.</li>
 *   <li>{@code "segmentDuration"} when every duration is the same to the millisecond; otherwise {@code "durations"},
 *       one per segment, to the microsecond.</li>
 *   <li>Every rendition must have the same number of segments and the same boundaries: the same durations, within
 *       1 ms. The channel switches renditions at segment boundaries, so anything else is refused.</li>
 *   <li>A rendition's {@code "map"}, {@code "byteRanges"} and {@code "key"} as {@link RenditionMedia} reads them;
 *       a key without an IV fixes {@code "startNumber"} at the playlist's media sequence, since its segments
 *       were encrypted with their sequence numbers as IVs.</li>
 * </ul>
 */
final class AssetDescriptor {

    /** How far two renditions' durations of the same segment may differ. */
    static final long BOUNDARY_TOLERANCE_MICROS = 1_000;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * One rendition as read from its media playlist.
     *
     * @param name     rendition name
     * @param source   where it was read, for messages
     * @param uris     one per segment, as they will be published
     * @param durationsMicros one per segment
     * @param lines    the playlist line of each segment's URI, for messages
     * @param media    its map, byte ranges and key
     */
    record Rendition(String name, String source, List<String> uris, List<Long> durationsMicros,
                     List<Integer> lines, RenditionMedia media) {
    }

    /** A URI template and the number of its first segment. */
    record Template(String template, long startNumber) {
        String expand(long number) {
            return template.replace("{n}", Long.toString(number));
        }
    }

    private AssetDescriptor() {
    }

    /**
     * The descriptor, keys in the JSON form's order.
     *
     * @throws ToolFailure (input) when the renditions do not line up
     */
    static Map<String, Object> build(List<Rendition> renditions) throws ToolFailure {
        Rendition reference = renditions.get(0);
        int count = reference.uris().size();
        for (Rendition other : renditions.subList(1, renditions.size())) {
            if (other.uris().size() != count) {
                throw ToolFailure.input("rendition " + other.name() + " (" + other.source() + ") has "
                        + other.uris().size() + " segments but rendition " + reference.name() + " has " + count
                        + ": every rendition of an asset must have the same segments");
            }
            for (int i = 0; i < count; i++) {
                long mine = other.durationsMicros().get(i);
                long theirs = reference.durationsMicros().get(i);
                if (Math.abs(mine - theirs) > BOUNDARY_TOLERANCE_MICROS) {
                    throw ToolFailure.input("rendition " + other.name() + " (" + other.source() + " line "
                            + other.lines().get(i) + "): segment " + i + " lasts " + seconds(mine)
                            + " s but segment " + i + " of rendition " + reference.name() + " lasts "
                            + seconds(theirs) + " s: every rendition must share the segment boundaries "
                            + "(durations equal within 1 ms)");
                }
            }
        }

        Map<String, Template> templates = new LinkedHashMap<>();
        Map<Long, Integer> starts = new HashMap<>();
        for (Rendition rendition : renditions) {
            template(rendition.uris()).ifPresent(template -> {
                templates.put(rendition.name(), template);
                starts.merge(template.startNumber(), 1, Integer::sum);
            });
        }
        // One start number per asset: the one most templates share (the first such in rendition order), unless a
        // key takes its IV from the media sequence number: then the number the asset's own playlist gave.
        long startNumber = 0;
        int best = 0;
        for (Template template : templates.values()) {
            int votes = starts.get(template.startNumber());
            if (votes > best) {
                best = votes;
                startNumber = template.startNumber();
            }
        }
        Rendition numbered = null;
        for (Rendition rendition : renditions) {
            Long sequence = rendition.media().ivSequence();
            if (sequence != null && numbered != null && !sequence.equals(numbered.media().ivSequence())) {
                throw ToolFailure.input("rendition " + rendition.name() + " (" + rendition.source() + ") starts at "
                        + "media sequence " + sequence + " but rendition " + numbered.name() + " at "
                        + numbered.media().ivSequence() + ", and their keys have no IV, so the IV is the media "
                        + "sequence number (RFC 8216 5.2): an asset has one numbering; give the keys an IV");
            }
            if (sequence != null) {
                numbered = rendition;
                startNumber = sequence;
            }
        }

        Map<String, Object> sources = new LinkedHashMap<>();
        for (Rendition rendition : renditions) {
            Template template = templates.get(rendition.name());
            Map<String, Object> source = new LinkedHashMap<>();
            if (template != null && template.startNumber() == startNumber) {
                source.put("uriTemplate", template.template());
            } else {
                source.put("uris", List.copyOf(rendition.uris()));
            }
            rendition.media().addTo(source);
            sources.put(rendition.name(), source);
        }

        Map<String, Object> vod = new LinkedHashMap<>();
        vod.put("renditions", sources);
        vod.put("segmentCount", count);
        List<Long> durations = reference.durationsMicros();
        long firstMillis = millis(durations.get(0));
        boolean uniform = durations.stream().allMatch(micros -> millis(micros) == firstMillis);
        if (uniform) {
            vod.put("segmentDuration", BigDecimal.valueOf(firstMillis, 3).stripTrailingZeros());
        } else {
            List<BigDecimal> seconds = new ArrayList<>(count);
            for (long micros : durations) {
                seconds.add(BigDecimal.valueOf(micros, 6).stripTrailingZeros());
            }
            vod.put("durations", seconds);
        }
        vod.put("startNumber", startNumber);
        return vod;
    }

    /**
     * The template that writes every URI, numbered consecutively: the last run of digits of the first URI that,
     * counted up, gives every other URI exactly ({@code seg9.ts}, {@code seg10.ts}: yes; {@code seg009.ts}: no,
     * since the template writes numbers without leading zeros).
     */
    static Optional<Template> template(List<String> uris) {
        if (uris.isEmpty()) {
            return Optional.empty();
        }
        String first = uris.get(0);
        List<int[]> runs = new ArrayList<>();
        Matcher matcher = DIGITS.matcher(first);
        while (matcher.find()) {
            runs.add(new int[] {matcher.start(), matcher.end()});
        }
        for (int r = runs.size() - 1; r >= 0; r--) {
            String digits = first.substring(runs.get(r)[0], runs.get(r)[1]);
            if ((digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > 15) {
                continue;
            }
            String prefix = first.substring(0, runs.get(r)[0]);
            String suffix = first.substring(runs.get(r)[1]);
            if (prefix.contains("{n}") || suffix.contains("{n}")) {
                continue;
            }
            long start = Long.parseLong(digits);
            if (start + uris.size() - 1 > InputRules.MAX_SEQUENCE) {
                continue;
            }
            boolean fits = true;
            for (int i = 1; i < uris.size() && fits; i++) {
                fits = uris.get(i).equals(prefix + (start + i) + suffix);
            }
            if (fits) {
                return Optional.of(new Template(prefix + "{n}" + suffix, start));
            }
        }
        return Optional.empty();
    }

    private static long millis(long micros) {
        return BigDecimal.valueOf(micros, 3).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    static String seconds(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
