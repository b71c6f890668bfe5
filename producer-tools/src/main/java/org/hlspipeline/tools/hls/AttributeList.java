package org.hlspipeline.tools.hls;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An attribute list (RFC 8216 4.2): {@code NAME=value,NAME="quoted value",...}. Names are {@code [A-Z0-9-]+} and
 * appear once; a quoted string holds no double quote and no line break; an unquoted value holds no quote, comma
 * or whitespace.
 */
final class AttributeList {

    private static final Pattern NAME = Pattern.compile("[A-Z0-9-]+");
    private static final Pattern DECIMAL_INTEGER = Pattern.compile("[0-9]{1,20}");
    private static final Pattern DECIMAL_FLOAT = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern RESOLUTION = Pattern.compile("[0-9]{1,9}x[0-9]{1,9}");

    private record Value(String text, boolean quoted) {
    }

    private final String source;
    private final int line;
    private final String tag;
    private final Map<String, Value> values;

    private AttributeList(String source, int line, String tag, Map<String, Value> values) {
        this.source = source;
        this.line = line;
        this.tag = tag;
        this.values = values;
    }

    static AttributeList parse(String source, int line, String tag, String text) throws PlaylistException {
        Map<String, Value> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            throw new PlaylistException(source, line, tag + " has no attributes");
        }
        while (i < n) {
            int equals = text.indexOf('=', i);
            if (equals < 0) {
                throw new PlaylistException(source, line, tag + ": '" + text.substring(i)
                        + "' is not NAME=value");
            }
            String name = text.substring(i, equals);
            if (!NAME.matcher(name).matches()) {
                throw new PlaylistException(source, line, tag + ": attribute name '" + name
                        + "' is not [A-Z0-9-]+");
            }
            i = equals + 1;
            Value value;
            if (i < n && text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw new PlaylistException(source, line, tag + ": the quoted value of " + name
                            + " is not closed");
                }
                value = new Value(text.substring(i + 1, close), true);
                i = close + 1;
                if (i < n && text.charAt(i) != ',') {
                    throw new PlaylistException(source, line, tag + ": expected ',' after the quoted value of "
                            + name + ", found '" + text.charAt(i) + "'");
                }
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                String raw = text.substring(i, end);
                if (raw.isEmpty()) {
                    throw new PlaylistException(source, line, tag + ": " + name + " has an empty value");
                }
                for (int k = 0; k < raw.length(); k++) {
                    char c = raw.charAt(k);
                    if (c == '"' || Character.isWhitespace(c)) {
                        throw new PlaylistException(source, line, tag + ": the value of " + name
                                + " contains " + (c == '"' ? "a stray '\"'" : "whitespace") + ": '" + raw + "'");
                    }
                }
                value = new Value(raw, false);
                i = end;
            }
            if (values.put(name, value) != null) {
                throw new PlaylistException(source, line, tag + ": attribute " + name + " appears twice");
            }
            if (i < n) {
                i++; // the comma
                if (i == n) {
                    throw new PlaylistException(source, line, tag + ": trailing ',' after the last attribute");
                }
            }
        }
        return new AttributeList(source, line, tag, values);
    }

    Set<String> names() {
        return values.keySet();
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String quoted(String name, boolean required) throws PlaylistException {
        Value value = value(name, required);
        if (value == null) {
            return null;
        }
        if (!value.quoted()) {
            throw problem(name + " must be a quoted string, was " + value.text());
        }
        return value.text();
    }

    String enumerated(String name, boolean required) throws PlaylistException {
        Value value = value(name, required);
        if (value == null) {
            return null;
        }
        if (value.quoted()) {
            throw problem(name + " must not be quoted, was \"" + value.text() + "\"");
        }
        return value.text();
    }

    Long decimalInteger(String name, boolean required) throws PlaylistException {
        String text = enumerated(name, required);
        if (text == null) {
            return null;
        }
        if (!DECIMAL_INTEGER.matcher(text).matches()) {
            throw problem(name + " must be a decimal integer, was " + text);
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw problem(name + " is out of range: " + text);
        }
    }

    Double decimalFloat(String name, boolean required) throws PlaylistException {
        String text = enumerated(name, required);
        if (text == null) {
            return null;
        }
        if (!DECIMAL_FLOAT.matcher(text).matches() || text.length() > 32) {
            throw problem(name + " must be a decimal number, was " + text);
        }
        return new BigDecimal(text).doubleValue();
    }

    String resolution(String name, boolean required) throws PlaylistException {
        String text = enumerated(name, required);
        if (text != null && !RESOLUTION.matcher(text).matches()) {
            throw problem(name + " must be WIDTHxHEIGHT (decimal-resolution), was " + text);
        }
        return text;
    }

    private Value value(String name, boolean required) throws PlaylistException {
        Value value = values.get(name);
        if (value == null && required) {
            throw problem("the " + name + " attribute is required");
        }
        return value;
    }

    private PlaylistException problem(String message) {
        return new PlaylistException(source, line, tag + ": " + message);
    }
}
