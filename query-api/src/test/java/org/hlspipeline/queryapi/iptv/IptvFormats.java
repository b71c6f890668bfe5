package org.hlspipeline.queryapi.iptv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Readers of the two IPTV formats, written from their documentation and from what the clients' own readers accept,
 * that fail a test on anything a client would reject or misread.
 *
 * <p>M3U (extended M3U as IPTV clients read it; Jellyfin's {@code M3uParser} is the reference): a first line
 * {@code #EXTM3U}, optionally with {@code x-tvg-url}; per channel an {@code #EXTINF:<duration>} line whose
 * attributes are {@code key="value"} pairs matching {@code ([a-z0-9\-_]+)="([^"]+)"}, the display name after the
 * line's last comma, then the stream's URL on the next line, absolute, http or https (Jellyfin skips anything
 * else).
 *
 * <p>XMLTV ({@code xmltv.dtd}): well-formed XML parsed with the JDK's DocumentBuilder, valid against the DTD's
 * elements that the guide uses ({@code xmltv-subset.dtd}: channels before programmes, {@code display-name+},
 * {@code title+}, {@code start} and {@code channel} required), every programme's channel declared, times in the
 * DTD's {@code YYYYMMDDhhmmss} with a {@code +hhmm} offset (which Jellyfin's reader, matching
 * {@code ^[0-9]{4,14}( [+-]*[0-9]{1,4})?$}, takes), and start before stop.
 */
final class IptvFormats {

    /** Jellyfin's M3uParser: how an attribute is recognized. */
    static final Pattern M3U_ATTRIBUTE = Pattern.compile("([a-z0-9\\-_]+)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    /** Jellyfin's XmlTvReader: what a date must look like. */
    static final Pattern JELLYFIN_DATE = Pattern.compile("^(?<dateDigits>[0-9]{4,14})(\\s(?<dateOffset>[+-]*[0-9]{1,4}))?$");
    /** What this product promises: all fourteen digits and an explicit offset. */
    static final Pattern XMLTV_TIME = Pattern.compile("^\\d{14} [+-]\\d{4}$");
    private static final DateTimeFormatter XMLTV_PARSE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z");

    private IptvFormats() {
    }

    record M3uList(Map<String, String> header, List<M3uEntry> entries) {
    }

    record M3uEntry(String duration, Map<String, String> attributes, String name, String url) {
    }

    record Guide(Map<String, String> channels, List<Programme> programmes) {

        List<Programme> of(String channelId) {
            return programmes.stream().filter(p -> p.channel().equals(channelId)).toList();
        }
    }

    record Programme(String channel, Instant start, Instant stop, String title) {
    }

    static M3uList parseM3u(String text) {
        assertThat(text).as("M3U").doesNotContain("\r");
        List<String> lines = text.lines().toList();
        assertThat(lines).as("M3U lines").isNotEmpty();
        String header = lines.get(0);
        assertThat(header).as("first line").matches("#EXTM3U( .*)?");
        Map<String, String> headerAttributes = attributes(header.substring("#EXTM3U".length()), "#EXTM3U line");
        List<M3uEntry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(line).as("line %d", i + 1).isNotBlank();
            if (!line.startsWith("#EXTINF:")) {
                fail("line %d is neither #EXTINF nor preceded by one: %s", i + 1, line);
            }
            String extinf = line.substring("#EXTINF:".length());
            int space = extinf.indexOf(' ');
            int lastComma = extinf.lastIndexOf(',');
            assertThat(space).as("duration then attributes on line %d", i + 1).isPositive();
            assertThat(lastComma).as("a comma before the name on line %d", i + 1).isGreaterThan(space);
            String duration = extinf.substring(0, space);
            assertThat(duration).as("duration").matches("-?\\d+(\\.\\d+)?");
            Map<String, String> attributes = attributes(extinf.substring(space, lastComma), "line " + (i + 1));
            String name = extinf.substring(lastComma + 1);
            assertThat(name).as("name on line %d", i + 1).isNotBlank().isEqualTo(name.strip());
            assertThat(i + 1).as("a URL after line %d", i + 1).isLessThan(lines.size());
            String url = lines.get(++i);
            URI uri = URI.create(url);
            assertThat(uri.isAbsolute()).as("absolute URL: %s", url).isTrue();
            assertThat(uri.getScheme()).as(url).isIn("http", "https");
            assertThat(uri.getHost()).as(url).isNotBlank();
            entries.add(new M3uEntry(duration, attributes, name, url));
        }
        return new M3uList(headerAttributes, entries);
    }

    /** Every non-blank part is a recognized attribute: nothing a reader would silently drop or misread. */
    private static Map<String, String> attributes(String text, String where) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher m = M3U_ATTRIBUTE.matcher(text);
        int end = 0;
        while (m.find()) {
            assertThat(text.substring(end, m.start())).as("between attributes on %s", where).isBlank();
            assertThat(attributes.put(m.group(1).toLowerCase(), m.group(2))).as("repeated %s on %s", m.group(1),
                    where).isNull();
            end = m.end();
        }
        assertThat(text.substring(end)).as("after the attributes on %s", where).isBlank();
        return attributes;
    }

    static Guide parseXmltv(byte[] xml) {
        Document document = parse(xml, false);
        validAgainstTheDtd(xml);
        Element tv = document.getDocumentElement();
        assertThat(tv.getTagName()).isEqualTo("tv");
        Map<String, String> channels = new LinkedHashMap<>();
        List<Programme> programmes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node node = tv.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (!(node instanceof Element element)) {
                continue;
            }
            if (element.getTagName().equals("channel")) {
                String id = element.getAttribute("id");
                assertThat(id).as("channel id").isNotBlank();
                assertThat(seen.add(id)).as("channel %s declared once", id).isTrue();
                String displayName = firstChild(element, "display-name");
                assertThat(displayName).as("display-name of %s", id).isNotBlank();
                channels.put(id, displayName);
            } else {
                assertThat(element.getTagName()).isEqualTo("programme");
                String channel = element.getAttribute("channel");
                assertThat(channels).as("programme's channel declared before it").containsKey(channel);
                Instant start = time(element.getAttribute("start"));
                Instant stop = time(element.getAttribute("stop"));
                assertThat(start).as("start before stop").isBefore(stop);
                String title = firstChild(element, "title");
                assertThat(title).as("title").isNotBlank();
                programmes.add(new Programme(channel, start, stop, title));
            }
        }
        return new Guide(channels, programmes);
    }

    static Instant time(String value) {
        assertThat(value).as("XMLTV time").matches(XMLTV_TIME).matches(JELLYFIN_DATE);
        return OffsetDateTime.parse(value, XMLTV_PARSE).toInstant();
    }

    private static String firstChild(Element parent, String tag) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                return element.getTextContent();
            }
        }
        return null;
    }

    /** The guide with {@code <!DOCTYPE tv SYSTEM "xmltv.dtd">} added, validated against the DTD subset. */
    private static void validAgainstTheDtd(byte[] xml) {
        String text = new String(xml, StandardCharsets.UTF_8);
        int declarationEnd = text.startsWith("<?xml") ? text.indexOf("?>") + 2 : 0;
        String withDoctype = text.substring(0, declarationEnd) + "\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">"
                + text.substring(declarationEnd);
        parse(withDoctype.getBytes(StandardCharsets.UTF_8), true);
    }

    private static Document parse(byte[] xml, boolean validating) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setValidating(validating);
            factory.setNamespaceAware(false);
            factory.setExpandEntityReferences(false);
            if (!validating) {
                // What a careful client does: no DOCTYPE at all (the guide has none).
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            }
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                assertThat(systemId).endsWith("xmltv.dtd");
                InputStream dtd = IptvFormats.class.getResourceAsStream("xmltv-subset.dtd");
                assertThat(dtd).as("xmltv-subset.dtd on the test class path").isNotNull();
                return new InputSource(dtd);
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    fail("not valid XMLTV (line %d): %s", e.getLineNumber(), e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            return fail("the guide does not parse: " + e, e);
        }
    }
}
