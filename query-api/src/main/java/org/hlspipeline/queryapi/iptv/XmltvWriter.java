package org.hlspipeline.queryapi.iptv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * An XMLTV guide ({@code xmltv.dtd}): a {@code <tv>} root holding every {@code <channel id>} with its
 * {@code <display-name>} first, then every {@code <programme start stop channel>} with its {@code <title>}, in
 * the order the DTD declares them ({@code tv (channel*, programme*)}; {@code programme (title+, …)}).
 *
 * <p>Times are {@code YYYYMMDDhhmmss +0000}: the DTD's format with an explicit UTC offset, which Jellyfin's reader
 * ({@code ^[0-9]{4,14}( [+-]?[0-9]{1,4})?$}) and Plex accept. Pure: no clock, no I/O.
 *
 * <p>No DOCTYPE is written: readers that load external DTDs would fail to fetch {@code xmltv.dtd} relative to the
 * guide's URL, and the DTD is not needed to read the file.
 */
public final class XmltvWriter {

    public static final String GENERATOR = "hls-pipeline";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z")
            .withZone(ZoneOffset.UTC);

    private XmltvWriter() {
    }

    public record Channel(String id, String displayName) {

        public Channel {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /** One airing. {@code start} must be before {@code stop} once both are cut to whole seconds. */
    public record Programme(String channelId, Instant start, Instant stop, String title) {

        public Programme {
            Objects.requireNonNull(channelId, "channelId");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * The guide. Programmes of channels that are not listed, and programmes that last less than a whole second
     * once cut to seconds (XMLTV times have no fractions), are left out, so every programme references a declared
     * channel and starts before it stops.
     */
    public static String write(List<Channel> channels, List<Programme> programmes) {
        StringBuilder out = new StringBuilder(256 + channels.size() * 96 + programmes.size() * 160);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<tv generator-info-name=\"").append(GENERATOR).append("\">\n");
        java.util.Set<String> declared = new java.util.HashSet<>();
        for (Channel channel : channels) {
            if (!declared.add(channel.id())) {
                continue;
            }
            out.append("  <channel id=\"").append(escape(channel.id())).append("\">\n");
            out.append("    <display-name>").append(escape(channel.displayName())).append("</display-name>\n");
            out.append("  </channel>\n");
        }
        for (Programme programme : programmes) {
            String start = time(programme.start());
            String stop = time(programme.stop());
            if (!declared.contains(programme.channelId()) || start.compareTo(stop) >= 0) {
                continue;
            }
            out.append("  <programme start=\"").append(start).append("\" stop=\"").append(stop)
                    .append("\" channel=\"").append(escape(programme.channelId())).append("\">\n");
            out.append("    <title>").append(escape(programme.title())).append("</title>\n");
            out.append("  </programme>\n");
        }
        out.append("</tv>\n");
        return out.toString();
    }

    /** {@code YYYYMMDDhhmmss +0000}, cut (not rounded) to the second, so back-to-back programmes stay so. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /**
     * Text and attribute values as XML 1.0 allows them: the five markup characters as entities, and characters
     * XML 1.0 cannot carry at all (C0 controls other than tab, line feed and carriage return; lone surrogates;
     * U+FFFE and U+FFFF) replaced by U+FFFD. Tab, line feed and carriage return are written as character
     * references, so attribute values keep them through attribute-value normalization.
     */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\t' -> out.append("&#9;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
