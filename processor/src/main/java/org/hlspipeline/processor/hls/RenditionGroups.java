package org.hlspipeline.processor.hls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What ties renditions together in a master playlist. Alternatives with the same TYPE and GROUP-ID form a group;
 * its members have distinct NAMEs and at most one is DEFAULT (RFC 8216 §4.3.4.1.1). A variant's AUDIO and
 * SUBTITLES must name a group of that type in the same playlist (§4.3.4.2). See docs/hls-output.md, Alternative
 * renditions.
 */
public final class RenditionGroups {

    private RenditionGroups() {
    }

    /**
     * Why {@code rendition} cannot be described as {@code description} beside {@code described} (rendition name to
     * description; an earlier description of {@code rendition} itself is replaced, so it does not count), or empty.
     */
    public static Optional<String> joiningProblem(Map<String, ? extends RenditionDescription> described,
                                                  String rendition, RenditionDescription description) {
        if (!(description instanceof AlternativeDescription joining)) {
            return Optional.empty();
        }
        for (Map.Entry<String, ? extends RenditionDescription> e : described.entrySet()) {
            if (e.getKey().equals(rendition) || !(e.getValue() instanceof AlternativeDescription member)
                    || !sameGroup(member, joining)) {
                continue;
            }
            String group = joining.type() + " group '" + joining.groupId() + "'";
            if (member.name().equals(joining.name())) {
                return Optional.of(group + " already has a rendition named '" + joining.name() + "' ('" + e.getKey()
                        + "'); names are unique in a group (RFC 8216 §4.3.4.1.1)");
            }
            if (member.isDefault() && joining.isDefault()) {
                return Optional.of(group + " already has a default rendition ('" + e.getKey()
                        + "'); a group has at most one (RFC 8216 §4.3.4.1.1)");
            }
        }
        return Optional.empty();
    }

    /**
     * Why renditions described all at once (a channel's ladder) cannot make a master playlist, or empty: a member
     * that cannot join the others, a group a variant names that has no member, a group no variant names, or no
     * variant to play.
     */
    public static Optional<String> completeProblem(Map<String, ? extends RenditionDescription> renditions) {
        Map<String, RenditionDescription> earlier = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends RenditionDescription> e : renditions.entrySet()) {
            Optional<String> problem = joiningProblem(earlier, e.getKey(), e.getValue());
            if (problem.isPresent()) {
                return problem;
            }
            earlier.put(e.getKey(), e.getValue());
        }
        boolean playable = false;
        for (Map.Entry<String, ? extends RenditionDescription> e : renditions.entrySet()) {
            if (e.getValue() instanceof VariantDescription variant) {
                playable |= !variant.iFramesOnly();
                Optional<String> missing = missingGroup(e.getKey(), variant, renditions);
                if (missing.isPresent()) {
                    return missing;
                }
            } else if (e.getValue() instanceof AlternativeDescription alternative
                    && renditions.values().stream().noneMatch(r -> names(r, alternative))) {
                return Optional.of("no VIDEO rendition names " + alternative.type() + " group '"
                        + alternative.groupId() + "' (rendition '" + e.getKey() + "'), so no variant can use it");
            }
        }
        return playable ? Optional.empty() : Optional.of("a ladder needs at least one VIDEO rendition that is not "
                + "iFramesOnly");
    }

    /** Whether {@code description} is a variant that names the group {@code member} belongs to. */
    static boolean names(RenditionDescription description, AlternativeDescription member) {
        if (!(description instanceof VariantDescription variant)) {
            return false;
        }
        String named = member.type() == RenditionType.AUDIO ? variant.audio() : variant.subtitles();
        return member.groupId().equals(named);
    }

    static Optional<String> missingGroup(String rendition, VariantDescription variant,
                                         Map<String, ? extends RenditionDescription> renditions) {
        if (variant.audio() != null && !hasGroup(renditions.values(), RenditionType.AUDIO, variant.audio())) {
            return Optional.of("rendition '" + rendition + "' names audio group '" + variant.audio()
                    + "', which has no AUDIO rendition");
        }
        if (variant.subtitles() != null
                && !hasGroup(renditions.values(), RenditionType.SUBTITLES, variant.subtitles())) {
            return Optional.of("rendition '" + rendition + "' names subtitles group '" + variant.subtitles()
                    + "', which has no SUBTITLES rendition");
        }
        return Optional.empty();
    }

    private static boolean hasGroup(Iterable<? extends RenditionDescription> renditions, RenditionType type,
                                    String groupId) {
        for (RenditionDescription r : renditions) {
            if (r instanceof AlternativeDescription a && a.type() == type && a.groupId().equals(groupId)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameGroup(AlternativeDescription a, AlternativeDescription b) {
        return a.type() == b.type() && Objects.equals(a.groupId(), b.groupId());
    }
}
