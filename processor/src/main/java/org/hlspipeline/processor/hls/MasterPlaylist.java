package org.hlspipeline.processor.hls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A master (multivariant) playlist, in the order the caller wants things listed.
 *
 * @param variants     at least one variant that is not an I-frame playlist; each group a variant names exists
 * @param alternatives the members of the groups the variants name (RFC 8216 §4.3.4.1.1 rules hold)
 * @param sessionKeys  keys players may load before reading a media playlist (EXT-X-SESSION-KEY, §4.3.4.5),
 *                     no two alike in URI, METHOD, KEYFORMAT and KEYFORMATVERSIONS
 */
public record MasterPlaylist(List<Variant> variants, List<AlternativeRendition> alternatives,
                             List<SegmentKey> sessionKeys) {

    public MasterPlaylist {
        variants = List.copyOf(Objects.requireNonNull(variants, "variants")); // also refuses null elements
        alternatives = List.copyOf(Objects.requireNonNull(alternatives, "alternatives"));
        sessionKeys = List.copyOf(Objects.requireNonNull(sessionKeys, "sessionKeys"));
        if (variants.stream().allMatch(v -> v.description().iFramesOnly())) {
            throw new IllegalArgumentException("a master playlist needs at least one variant to play");
        }
        Map<String, RenditionDescription> byUri = new LinkedHashMap<>();
        alternatives.forEach(a -> byUri.put(a.uri(), a.description()));
        variants.forEach(v -> byUri.put(v.uri(), v.description()));
        if (byUri.size() != variants.size() + alternatives.size()) {
            throw new IllegalArgumentException("two renditions of a master playlist share a URI");
        }
        RenditionGroups.completeProblem(byUri).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (sessionKeys.stream().map(k -> List.of(k.uri(), k.method(), String.valueOf(k.keyFormat()),
                String.valueOf(k.keyFormatVersions()))).distinct().count() != sessionKeys.size()) {
            throw new IllegalArgumentException("two session keys with one URI must differ in METHOD, KEYFORMAT or "
                    + "KEYFORMATVERSIONS (RFC 8216 §4.3.4.5)");
        }
    }

    /**
     * The master playlist of {@code listed} (rendition name to description, in the order to list them): a variant
     * whose group has no member yet is held out, so that every group a variant names exists, and an alternative
     * no listed variant names is left out. Empty when no variant is left to play.
     */
    public static Optional<MasterPlaylist> listing(Map<String, ? extends RenditionDescription> listed,
                                                  Function<String, String> uriOf, List<SegmentKey> sessionKeys) {
        List<Variant> variants = new ArrayList<>();
        for (Map.Entry<String, ? extends RenditionDescription> e : listed.entrySet()) {
            if (e.getValue() instanceof VariantDescription variant
                    && RenditionGroups.missingGroup(e.getKey(), variant, listed).isEmpty()) {
                variants.add(new Variant(uriOf.apply(e.getKey()), variant));
            }
        }
        if (variants.stream().allMatch(v -> v.description().iFramesOnly())) {
            return Optional.empty();
        }
        List<AlternativeRendition> alternatives = new ArrayList<>();
        for (Map.Entry<String, ? extends RenditionDescription> e : listed.entrySet()) {
            if (e.getValue() instanceof AlternativeDescription alternative
                    && variants.stream().anyMatch(v -> RenditionGroups.names(v.description(), alternative))) {
                alternatives.add(new AlternativeRendition(uriOf.apply(e.getKey()), alternative));
            }
        }
        return Optional.of(new MasterPlaylist(variants, alternatives, sessionKeys));
    }

    /** A master playlist of variants alone. */
    public MasterPlaylist(List<Variant> variants) {
        this(variants, List.of(), List.of());
    }
}
