package org.hlspipeline.processor.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.processor.hls.AlternativeDescription;
import org.hlspipeline.processor.hls.RenditionDescription;
import org.hlspipeline.processor.hls.RenditionType;
import org.hlspipeline.processor.hls.VariantDescription;

/**
 * A rendition description as every input spells it: the HTTP form of {@code PUT /streams/{id}/renditions/{r}},
 * a {@code RenditionInfo} record, and an entry of a channel's ladder. Values are as received (null when absent),
 * and {@link #problem()} holds the one set of rules for all of them (see docs/input-rules.md, Renditions).
 *
 * @param type null means VIDEO
 */
public record RenditionForm(RenditionType type, Long bandwidth, Long averageBandwidth, String resolution,
                            String codecs, Double frameRate, String audio, String subtitles, Boolean iFramesOnly,
                            String groupId, String name, String language, Boolean isDefault, Boolean autoselect,
                            Boolean forced, String channels, String characteristics) {

    /** A VIDEO rendition with only the EXT-X-STREAM-INF attributes every release had. */
    public static RenditionForm variant(Long bandwidth, Long averageBandwidth, String resolution, String codecs,
                                        Double frameRate) {
        return new RenditionForm(RenditionType.VIDEO, bandwidth, averageBandwidth, resolution, codecs, frameRate,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The form that describes {@code d}, for writing it out. */
    public static RenditionForm of(RenditionDescription d) {
        if (d instanceof VariantDescription v) {
            return new RenditionForm(RenditionType.VIDEO, v.bandwidth(), v.averageBandwidth(), v.resolution(),
                    v.codecs(), v.frameRate(), v.audio(), v.subtitles(), v.iFramesOnly(), null, null, null, null,
                    null, null, null, null);
        }
        AlternativeDescription a = (AlternativeDescription) d;
        return new RenditionForm(a.type(), null, null, null, null, null, null, null, null, a.groupId(), a.name(),
                a.language(), a.isDefault(), a.autoselect(), a.forced(), a.channels(), a.characteristics());
    }

    public RenditionType effectiveType() {
        return type == null ? RenditionType.VIDEO : type;
    }

    /** Why this describes no rendition, or empty; messages name the fields as the API spells them. */
    public Optional<String> problem() {
        RenditionType t = effectiveType();
        Map<String, Object> foreign = new LinkedHashMap<>();
        if (t == RenditionType.VIDEO) {
            foreign.put("groupId", groupId);
            foreign.put("name", name);
            foreign.put("language", language);
            foreign.put("default", isTrue(isDefault) ? true : null);
            foreign.put("autoselect", isTrue(autoselect) ? true : null);
            foreign.put("forced", isTrue(forced) ? true : null);
            foreign.put("channels", channels);
            foreign.put("characteristics", characteristics);
            for (Map.Entry<String, Object> e : foreign.entrySet()) {
                if (e.getValue() != null) {
                    return Optional.of(e.getKey() + " is for AUDIO and SUBTITLES renditions, not VIDEO");
                }
            }
            return VariantDescription.problem(bandwidth, averageBandwidth, resolution, codecs, frameRate, audio,
                    subtitles, isTrue(iFramesOnly));
        }
        foreign.put("bandwidth", bandwidth);
        foreign.put("averageBandwidth", averageBandwidth);
        foreign.put("resolution", resolution);
        foreign.put("codecs", codecs);
        foreign.put("frameRate", frameRate);
        foreign.put("audio", audio);
        foreign.put("subtitles", subtitles);
        foreign.put("iFramesOnly", isTrue(iFramesOnly) ? true : null);
        for (Map.Entry<String, Object> e : foreign.entrySet()) {
            if (e.getValue() != null) {
                return Optional.of(e.getKey() + " is for VIDEO renditions, not " + t + ": the bandwidth and codecs "
                        + "of AUDIO and SUBTITLES renditions count in those of the VIDEO renditions that name their "
                        + "group");
            }
        }
        return AlternativeDescription.problem(t, groupId, name, language, isTrue(forced), channels,
                characteristics);
    }

    /** The description; call only when {@link #problem()} is empty. */
    public RenditionDescription description() {
        problem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (effectiveType() == RenditionType.VIDEO) {
            return new VariantDescription(bandwidth, averageBandwidth, resolution, codecs, frameRate, audio,
                    subtitles, isTrue(iFramesOnly));
        }
        return new AlternativeDescription(type, groupId, name, language, isTrue(isDefault), isTrue(autoselect),
                isTrue(forced), channels, characteristics);
    }

    private static boolean isTrue(Boolean b) {
        return b != null && b;
    }
}
