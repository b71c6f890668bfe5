package org.hlspipeline.processor.hls;

import static org.hlspipeline.processor.hls.HlsRuleSupport.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a master playlist's alternative renditions, written from RFC 8216 independently of
 * {@link MasterPlaylistTags}: each EXT-X-MEDIA on its own (§4.3.4.1), the groups they form (§4.3.4.1.1), the groups
 * each EXT-X-STREAM-INF names (§4.3.4.2), and the versions the master's tags allow (§7); see
 * {@link HlsRules#masterPlaylistViolations}.
 */
final class RenditionGroupRules {

    private static final Set<String> TYPES = Set.of("AUDIO", "VIDEO", "SUBTITLES", "CLOSED-CAPTIONS");
    private static final Set<String> QUOTED = Set.of("URI", "GROUP-ID", "LANGUAGE", "ASSOC-LANGUAGE", "NAME",
            "INSTREAM-ID", "CHARACTERISTICS", "CHANNELS");
    private static final Set<String> YES_NO = Set.of("DEFAULT", "AUTOSELECT", "FORCED");

    /** One group: its TYPE and GROUP-ID. */
    private record Group(String type, String id) {
    }

    private RenditionGroupRules() {
    }

    static List<String> violations(List<String> lines) {
        List<String> out = new ArrayList<>();
        Map<Group, Set<String>> names = new HashMap<>();
        Map<Group, Integer> defaults = new HashMap<>();
        Map<Group, Set<String>> autoselectLanguages = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("#EXT-X-MEDIA:")) {
                continue;
            }
            Map<String, String> a = attributes(out, i + 1, line, MEDIA);
            if (a == null) {
                continue;
            }
            Group group = checkMedia(out, i + 1, line, a);
            if (group == null) {
                continue;
            }
            String name = unquoted(a.get("NAME"));
            if (!names.computeIfAbsent(group, g -> new HashSet<>()).add(name)) {
                add(out, i + 1, line, RENDITION_GROUPS, "NAME \"" + name + "\" twice in the " + group.type()
                        + " group \"" + group.id() + "\"");
            }
            if ("YES".equals(a.get("DEFAULT")) && defaults.merge(group, 1, Integer::sum) == 2) {
                add(out, i + 1, line, RENDITION_GROUPS, "a second DEFAULT=YES in the " + group.type() + " group \""
                        + group.id() + "\"");
            }
            String language = unquoted(a.get("LANGUAGE"));
            if ("YES".equals(a.get("AUTOSELECT")) && !autoselectLanguages.computeIfAbsent(group,
                    g -> new HashSet<>()).add(language == null ? "" : language.toLowerCase(java.util.Locale.ROOT))) {
                add(out, i + 1, line, RENDITION_GROUPS, "AUTOSELECT=YES members of a group need distinct "
                        + "LANGUAGEs; " + language + " is there twice");
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#EXT-X-STREAM-INF:") || line.startsWith("#EXT-X-I-FRAME-STREAM-INF:")) {
                Map<String, String> a = attributes(out, i + 1, line, GROUP_REFERENCES);
                if (a != null) {
                    checkReferences(out, i + 1, line, a, names.keySet());
                }
            }
        }
        return out;
    }

    /** The version the master playlist must state at least: what its EXT-X-SESSION-KEYs need (§7). */
    static int lowestVersion(List<String> lines) {
        int version = 1;
        for (String line : lines) {
            if (line.startsWith("#EXT-X-SESSION-KEY:")) {
                version = Math.max(version, line.contains("METHOD=SAMPLE-AES") || line.contains("KEYFORMAT=")
                        || line.contains("KEYFORMATVERSIONS=") ? 5 : line.contains(",IV=") ? 2 : 1);
            }
        }
        return version;
    }

    /**
     * The highest version it may state: the lowest, or 4 with EXT-X-MEDIA or EXT-X-I-FRAME-STREAM-INF, which
     * version 1 clients can read but may play badly, so a server may say 4 (§7).
     */
    static int highestVersion(List<String> lines) {
        boolean alternatives = lines.stream().anyMatch(l -> l.startsWith("#EXT-X-MEDIA:")
                || l.startsWith("#EXT-X-I-FRAME-STREAM-INF:"));
        return Math.max(lowestVersion(lines), alternatives ? 4 : 1);
    }

    /** Its group, or null when TYPE, GROUP-ID or NAME is missing or bad (reported). */
    private static Group checkMedia(List<String> out, int n, String line, Map<String, String> a) {
        for (Map.Entry<String, String> e : a.entrySet()) {
            if (QUOTED.contains(e.getKey()) && !isQuoted(e.getValue())) {
                add(out, n, line, MEDIA, e.getKey() + " is not a quoted-string");
            }
            if (YES_NO.contains(e.getKey()) && !e.getValue().equals("YES") && !e.getValue().equals("NO")) {
                add(out, n, line, MEDIA, e.getKey() + " is neither YES nor NO");
            }
        }
        String type = a.get("TYPE");
        if (type == null || !TYPES.contains(type)) {
            add(out, n, line, MEDIA, "TYPE missing or not AUDIO, VIDEO, SUBTITLES or CLOSED-CAPTIONS");
        }
        boolean captions = "CLOSED-CAPTIONS".equals(type);
        if (captions && a.containsKey("URI")) {
            add(out, n, line, MEDIA, "a CLOSED-CAPTIONS rendition has no URI");
        }
        if (captions != a.containsKey("INSTREAM-ID")) {
            add(out, n, line, MEDIA, "INSTREAM-ID is for CLOSED-CAPTIONS, which require it");
        }
        if (a.containsKey("FORCED") && !"SUBTITLES".equals(type)) {
            add(out, n, line, MEDIA, "FORCED is only for SUBTITLES");
        }
        if ("YES".equals(a.get("DEFAULT")) && "NO".equals(a.get("AUTOSELECT"))) {
            add(out, n, line, MEDIA, "DEFAULT=YES with AUTOSELECT=NO (it must be YES when present)");
        }
        if (!isQuoted(a.get("GROUP-ID")) || !isQuoted(a.get("NAME"))) {
            add(out, n, line, MEDIA, "GROUP-ID and NAME are required quoted-strings");
            return null;
        }
        return type == null || !TYPES.contains(type) ? null : new Group(type, unquoted(a.get("GROUP-ID")));
    }

    /** Every group the variant names is a group of EXT-X-MEDIA tags of that TYPE. */
    private static void checkReferences(List<String> out, int n, String line, Map<String, String> a,
                                        Set<Group> groups) {
        // The attribute that names a group has the name of the group's TYPE.
        for (String type : TYPES) {
            String value = a.get(type);
            if (value == null || (type.equals("CLOSED-CAPTIONS") && value.equals("NONE"))) {
                continue;
            }
            if (!isQuoted(value)) {
                add(out, n, line, GROUP_REFERENCES, type + " is not a quoted-string");
            } else if (!groups.contains(new Group(type, unquoted(value)))) {
                add(out, n, line, GROUP_REFERENCES, type + "=" + value + " names no group of EXT-X-MEDIA tags"
                        + " with TYPE=" + type);
            }
        }
    }

    private static Map<String, String> attributes(List<String> out, int n, String line, String rule) {
        try {
            return HlsPlaylistParser.attributeList(line.substring(line.indexOf(':') + 1), n);
        } catch (IllegalArgumentException e) {
            add(out, n, line, rule, e.getMessage());
            return null;
        }
    }

    private static boolean isQuoted(String value) {
        return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
    }

    private static String unquoted(String value) {
        return isQuoted(value) ? value.substring(1, value.length() - 1) : value;
    }
}
