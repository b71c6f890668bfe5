package org.hlspipeline.tools.forms;

import tools.jackson.databind.JsonNode;

/**
 * Paths into a JSON tree as the JSON forms' messages write them: {@code ""} for the top, {@code items[2]},
 * {@code items[2].vod.segmentCount}.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of {@code field} of the object at {@code path}. */
    public static String field(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** The path of element {@code index} of the array at {@code path}. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /** The path of what holds the value at {@code path}; {@code ""} for a top-level field. */
    public static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /** Whether {@code path} is {@code prefix} or lies inside it ({@code items[1].vod} inside {@code items[1]}). */
    public static boolean within(String path, String prefix) {
        if (prefix.isEmpty() || path.equals(prefix)) {
            return true;
        }
        return path.startsWith(prefix) && (path.charAt(prefix.length()) == '.' || path.charAt(prefix.length()) == '[');
    }

    /** {@code path} moved from under {@code from} to under {@code to}; {@code path} must lie within {@code from}. */
    public static String rebase(String path, String from, String to) {
        String rest = path.substring(from.length());
        if (rest.startsWith(".") && to.isEmpty()) {
            return rest.substring(1);
        }
        if (from.isEmpty() && !rest.isEmpty() && !to.isEmpty() && rest.charAt(0) != '[') {
            return to + "." + rest;
        }
        return to + rest;
    }

    /** The value at {@code path} in {@code root}, or null when there is none. */
    public static JsonNode find(JsonNode root, String path) {
        JsonNode node = root;
        int i = 0;
        while (node != null && i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                int index;
                try {
                    index = Integer.parseInt(path.substring(i + 1, close));
                } catch (NumberFormatException e) {
                    return null;
                }
                node = node.isArray() && index < node.size() ? node.get(index) : null;
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                end++;
            }
            node = node.isObject() ? node.get(path.substring(i, end)) : null;
            i = end;
        }
        return node;
    }
}
