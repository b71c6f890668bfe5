package org.hlspipeline.queryapi.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text for the fuzzer's bodies, written by hand rather than by Jackson: every non-ASCII character is escaped,
 * so an unpaired surrogate or a control character travels as the JSON escape a hostile client would send, and a
 * {@link Raw} leaf is written verbatim (numbers no parser can hold, {@code NaN}, broken text).
 */
final class FuzzJson {

    /** A leaf written as is. */
    record Raw(String text) {
    }

    private FuzzJson() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                string(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not JSON: " + value.getClass());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A deep copy of a tree of maps and lists, so that a mutation leaves the template alone. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    /**
     * Replaces the {@code index}-th value of the tree (counted depth first over every map entry and list
     * element, modulo their number) with {@code replacement}; returns the tree.
     */
    @SuppressWarnings("unchecked")
    static Object replace(Object tree, int index, Object replacement) {
        List<Runnable> setters = new ArrayList<>();
        collect(tree, setters, replacement);
        if (!setters.isEmpty()) {
            setters.get(Math.floorMod(index, setters.size())).run();
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Runnable> setters, Object replacement) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            for (String key : new ArrayList<>(m.keySet())) {
                setters.add(() -> m.put(key, replacement));
                collect(m.get(key), setters, replacement);
            }
        } else if (node instanceof List<?> list) {
            List<Object> l = (List<Object>) list;
            for (int i = 0; i < l.size(); i++) {
                int at = i;
                setters.add(() -> l.set(at, replacement));
                collect(l.get(i), setters, replacement);
            }
        }
    }
}
