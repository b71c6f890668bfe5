package org.hlspipeline.queryapi.iptv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class XmltvWriterTest {

    private static final Instant T = Instant.parse("2026-11-21T20:00:00Z");

    @Test
    void writesChannelsThenProgrammesWithXmltvTimes() {
        String xml = XmltvWriter.write(
                List.of(new XmltvWriter.Channel("news", "news"), new XmltvWriter.Channel("movies", "Movies")),
                List.of(new XmltvWriter.Programme("news", T, T.plusSeconds(1800), "Evening News"),
                        new XmltvWriter.Programme("news", T.plusSeconds(1800), T.plusSeconds(1830), "Weather"),
                        new XmltvWriter.Programme("movies", T.plusMillis(250), T.plusSeconds(5400), "A Film")));

        assertThat(xml).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <tv generator-info-name="hls-pipeline">
                  <channel id="news">
                    <display-name>news</display-name>
                  </channel>
                  <channel id="movies">
                    <display-name>Movies</display-name>
                  </channel>
                  <programme start="20261121200000 +0000" stop="20261121203000 +0000" channel="news">
                    <title>Evening News</title>
                  </programme>
                  <programme start="20261121203000 +0000" stop="20261121203030 +0000" channel="news">
                    <title>Weather</title>
                  </programme>
                  <programme start="20261121200000 +0000" stop="20261121213000 +0000" channel="movies">
                    <title>A Film</title>
                  </programme>
                </tv>
                """);
        IptvFormats.Guide guide = IptvFormats.parseXmltv(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(guide.channels()).containsExactly(java.util.Map.entry("news", "news"),
                java.util.Map.entry("movies", "Movies"));
        assertThat(guide.of("news")).containsExactly(
                new IptvFormats.Programme("news", T, T.plusSeconds(1800), "Evening News"),
                new IptvFormats.Programme("news", T.plusSeconds(1800), T.plusSeconds(1830), "Weather"));
    }

    @Test
    void timesAreUtcCutToTheSecond() {
        assertThat(XmltvWriter.time(Instant.parse("2026-01-02T03:04:05.999Z"))).isEqualTo("20260102030405 +0000");
        assertThat(XmltvWriter.time(Instant.parse("1999-12-31T23:59:59Z"))).isEqualTo("19991231235959 +0000");
        assertThat(IptvFormats.time("20260102030405 +0000")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void markupAndCharactersXmlCannotCarryAreEscapedSoTheGuideStillParses() {
        String nasty = "Tom & Jerry <Live> \"quoted\" 'single' \u0001bell\u0000 tab\there é 📺 \uD800lone";
        String xml = XmltvWriter.write(List.of(new XmltvWriter.Channel("c&<\"'>", nasty)),
                List.of(new XmltvWriter.Programme("c&<\"'>", T, T.plusSeconds(60), nasty)));

        IptvFormats.Guide guide = IptvFormats.parseXmltv(xml.getBytes(StandardCharsets.UTF_8));
        String expected = "Tom & Jerry <Live> \"quoted\" 'single' \uFFFDbell\uFFFD tab\there é 📺 \uFFFDlone";
        assertThat(guide.channels()).containsEntry("c&<\"'>", expected);
        assertThat(guide.of("c&<\"'>")).singleElement().extracting(IptvFormats.Programme::title).isEqualTo(expected);
    }

    @Test
    void programmesOfUndeclaredChannelsOrShorterThanASecondAreLeftOut() {
        String xml = XmltvWriter.write(List.of(new XmltvWriter.Channel("a", "a"), new XmltvWriter.Channel("a", "dup")),
                List.of(new XmltvWriter.Programme("b", T, T.plusSeconds(10), "elsewhere"),
                        new XmltvWriter.Programme("a", T.plusMillis(100), T.plusMillis(900), "blip"),
                        new XmltvWriter.Programme("a", T.plusSeconds(5), T.plusSeconds(5), "empty"),
                        new XmltvWriter.Programme("a", T.plusSeconds(9), T.plusSeconds(3), "backwards"),
                        new XmltvWriter.Programme("a", T.plusMillis(900), T.plusMillis(1100), "crosses a second")));

        IptvFormats.Guide guide = IptvFormats.parseXmltv(xml.getBytes(StandardCharsets.UTF_8));
        assertThat(guide.channels()).containsOnlyKeys("a").containsEntry("a", "a");
        assertThat(guide.programmes()).extracting(IptvFormats.Programme::title).containsExactly("crosses a second");
    }

    @Test
    void anEmptyGuideIsValid() {
        IptvFormats.Guide guide = IptvFormats.parseXmltv(XmltvWriter.write(List.of(), List.of())
                .getBytes(StandardCharsets.UTF_8));
        assertThat(guide.channels()).isEmpty();
        assertThat(guide.programmes()).isEmpty();
    }

    /** The checks the other tests rely on refuse what the DTD and the readers refuse. */
    @Test
    void theFormatCheckRejectsWhatXmltvReadersReject() {
        String channel = "<channel id=\"a\"><display-name>a</display-name></channel>";
        String programme = "<programme start=\"20261121200000 +0000\" stop=\"20261121210000 +0000\" channel=\"a\">"
                + "<title>t</title></programme>";
        assertThat(IptvFormats.parseXmltv(("<tv>" + channel + programme + "</tv>").getBytes(StandardCharsets.UTF_8))
                .programmes()).hasSize(1);
        for (String bad : List.of(
                "<tv>" + programme + channel + "</tv>",
                "<tv><channel id=\"a\"></channel></tv>",
                "<tv>" + channel + programme.replace("<title>t</title>", "") + "</tv>",
                "<tv>" + channel + programme.replace(" channel=\"a\"", "") + "</tv>",
                "<tv>" + channel + programme.replace("channel=\"a\"", "channel=\"b\"") + "</tv>",
                "<tv>" + channel + programme.replace("20261121210000", "20261121190000") + "</tv>",
                "<tv>" + channel + programme.replace("20261121200000 +0000", "2026-11-21T20:00:00Z") + "</tv>",
                "<tv>" + channel + programme.replace("<title>t</title>", "<title>a & b</title>") + "</tv>")) {
            assertThatThrownBy(() -> IptvFormats.parseXmltv(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(AssertionError.class);
        }
    }
}
