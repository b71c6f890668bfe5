package org.hlspipeline.queryapi.iptv;

import java.util.List;
import java.util.Objects;

/**
 * The extended M3U channel list that IPTV clients (Jellyfin's M3U tuner, Plex through an M3U proxy, TiviMate,
 * Kodi, VLC) import: an {@code #EXTM3U} header naming the guide, then per channel an
 * {@code #EXTINF:-1 tvg-id="…" tvg-name="…",Name} line followed by the absolute URL of its master playlist.
 *
 * <p>Pure: no clock, no I/O. M3U has no escaping, so what readers tolerate shapes the text. Attribute values are
 * read up to the next double quote ({@code key="[^"]+"}, over the whole line, name included): a double quote
 * becomes a single one, an empty value "-". The display name is what follows the line's last comma (some readers
 * take the first): commas in it and in tvg-name become spaces. A line break would end the entry: control
 * characters become spaces.
 */
public final class M3uWriter {

    /** The duration every live entry has: unknown. */
    static final String LIVE = "-1";

    private M3uWriter() {
    }

    /**
     * @param id   the tvg-id: equal to the XMLTV channel id, which is how players join the list and the guide
     * @param name what players show
     * @param url  the absolute URL players open (the channel's master playlist)
     */
    public record Entry(String id, String name, String url) {

        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * @param guideUrl absolute URL of the XMLTV guide, announced as {@code x-tvg-url} (and {@code url-tvg}, the
     *                 older spelling some players read); null for none
     */
    public static String write(String guideUrl, List<Entry> entries) {
        StringBuilder out = new StringBuilder(64 + entries.size() * 128);
        out.append("#EXTM3U");
        if (guideUrl != null) {
            String url = attribute(guideUrl);
            out.append(" x-tvg-url=\"").append(url).append("\" url-tvg=\"").append(url).append('"');
        }
        out.append('\n');
        for (Entry entry : entries) {
            out.append("#EXTINF:").append(LIVE)
                    .append(" tvg-id=\"").append(attribute(entry.id())).append('"')
                    .append(" tvg-name=\"").append(title(entry.name())).append('"')
                    .append(',').append(title(entry.name())).append('\n')
                    .append(oneLine(entry.url()).strip()).append('\n');
        }
        return out.toString();
    }

    static String attribute(String value) {
        String v = oneLine(value).replace('"', '\'').strip();
        return v.isEmpty() ? "-" : v;
    }

    static String title(String value) {
        String v = oneLine(value).replace(',', ' ').replace('"', '\'').strip();
        return v.isEmpty() ? "-" : v;
    }

    private static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }
}
