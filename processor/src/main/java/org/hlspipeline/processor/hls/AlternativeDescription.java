package org.hlspipeline.processor.hls;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An alternative rendition in an AUDIO or SUBTITLES group (EXT-X-MEDIA, RFC 8216 §4.3.4.1). Variants that name
 * the group offer each of its members. Optional attributes are null (or false) when absent and are then left out.
 *
 * @param groupId         GROUP-ID: letters, digits, '.', '_' and '-'
 * @param name            NAME, what a player shows; unique in its group
 * @param language        LANGUAGE, an RFC 5646 tag, or null
 * @param isDefault       DEFAULT=YES: the member a player picks without a choice from the viewer
 * @param autoselect      AUTOSELECT=YES: a player may pick it by the viewer's preferences
 * @param forced          FORCED=YES, SUBTITLES only: shown even when the viewer did not ask for subtitles
 * @param channels        CHANNELS, AUDIO only: the channel count first ({@code 2}, {@code 6}, {@code 16/JOC})
 * @param characteristics CHARACTERISTICS: Uniform Type Identifiers separated by commas, or null
 */
public record AlternativeDescription(RenditionType type, String groupId, String name, String language,
                                     boolean isDefault, boolean autoselect, boolean forced, String channels,
                                     String characteristics) implements RenditionDescription {

    private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,8}");
    private static final Pattern CHANNELS = Pattern.compile("[1-9][0-9]{0,2}(/[A-Za-z0-9,-]{1,64}){0,2}");
    private static final Pattern CHARACTERISTICS = Pattern.compile("[A-Za-z0-9.-]{1,128}(,[A-Za-z0-9.-]{1,128}){0,15}");
    private static final int MAX_NAME_LENGTH = 128;

    public AlternativeDescription {
        problem(type, groupId, name, language, forced, channels, characteristics).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why these cannot describe an alternative rendition, or empty; messages name the fields as the API does. */
    public static Optional<String> problem(RenditionType type, String groupId, String name, String language,
                                           boolean forced, String channels, String characteristics) {
        if (type != RenditionType.AUDIO && type != RenditionType.SUBTITLES) {
            return Optional.of("an alternative rendition is AUDIO or SUBTITLES, was " + type);
        }
        if (groupId == null) {
            return Optional.of("groupId is required for AUDIO and SUBTITLES renditions");
        }
        Optional<String> problem = groupIdProblem("groupId", groupId);
        if (problem.isEmpty() && name == null) {
            problem = Optional.of("name is required for AUDIO and SUBTITLES renditions (EXT-X-MEDIA NAME)");
        }
        if (problem.isEmpty()) {
            problem = HlsText.textProblem("name", name);
        }
        if (problem.isEmpty() && (name.isBlank() || name.length() > MAX_NAME_LENGTH)) {
            problem = Optional.of("name must be 1 to " + MAX_NAME_LENGTH + " characters, not all blank");
        }
        if (problem.isEmpty() && language != null && !LANGUAGE.matcher(language).matches()) {
            problem = Optional.of("language must be an RFC 5646 tag such as en or pt-BR, was '" + language + "'");
        }
        if (problem.isEmpty() && forced && type != RenditionType.SUBTITLES) {
            problem = Optional.of("forced is only for SUBTITLES renditions (RFC 8216 §4.3.4.1)");
        }
        if (problem.isEmpty() && channels != null && type != RenditionType.AUDIO) {
            problem = Optional.of("channels is only for AUDIO renditions (RFC 8216 §4.3.4.1)");
        }
        if (problem.isEmpty() && channels != null && !CHANNELS.matcher(channels).matches()) {
            problem = Optional.of("channels must start with the channel count, such as 2, 6 or 16/JOC, was '"
                    + channels + "'");
        }
        if (problem.isEmpty() && characteristics != null && !CHARACTERISTICS.matcher(characteristics).matches()) {
            problem = Optional.of("characteristics must be Uniform Type Identifiers separated by commas, such as "
                    + "public.accessibility.describes-video");
        }
        return problem;
    }

    /** A GROUP-ID, as {@code groupId} or as a variant's {@code audio} and {@code subtitles}; null is fine. */
    static Optional<String> groupIdProblem(String field, String groupId) {
        if (groupId != null && !GROUP_ID.matcher(groupId).matches()) {
            return Optional.of(field + " must be a group id of 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return Optional.empty();
    }
}
