package org.hlspipeline.queryapi.iptv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class M3uWriterTest {

    private static final String GUIDE = "http://tv.example:8080/epg.xml";

    @Test
    void writesTheHeaderWithTheGuideThenOneEntryPerChannel() {
        String m3u = M3uWriter.write(GUIDE, List.of(
                new M3uWriter.Entry("news", "news", "http://tv.example:8080/channels/news/master.m3u8"),
                new M3uWriter.Entry("movies.hd", "Movies HD", "http://tv.example:8080/channels/movies.hd/master.m3u8")));

        assertThat(m3u).isEqualTo("""
                #EXTM3U x-tvg-url="http://tv.example:8080/epg.xml" url-tvg="http://tv.example:8080/epg.xml"
                #EXTINF:-1 tvg-id="news" tvg-name="news",news
                http://tv.example:8080/channels/news/master.m3u8
                #EXTINF:-1 tvg-id="movies.hd" tvg-name="Movies HD",Movies HD
                http://tv.example:8080/channels/movies.hd/master.m3u8
                """);
        IptvFormats.M3uList parsed = IptvFormats.parseM3u(m3u);
        assertThat(parsed.header()).containsEntry("x-tvg-url", GUIDE);
        assertThat(parsed.entries()).extracting(IptvFormats.M3uEntry::name).containsExactly("news", "Movies HD");
        assertThat(parsed.entries().get(1).attributes()).containsEntry("tvg-id", "movies.hd")
                .containsEntry("tvg-name", "Movies HD");
        assertThat(parsed.entries().get(1).duration()).isEqualTo("-1");
    }

    @Test
    void anEmptyListIsTheHeaderAlone() {
        assertThat(M3uWriter.write(GUIDE, List.of())).isEqualTo("#EXTM3U x-tvg-url=\"" + GUIDE + "\" url-tvg=\""
                + GUIDE + "\"\n");
        assertThat(M3uWriter.write(null, List.of())).isEqualTo("#EXTM3U\n");
        assertThat(IptvFormats.parseM3u(M3uWriter.write(null, List.of())).entries()).isEmpty();
    }

    @Test
    void namesThatWouldBreakTheLineAreMadeSafeForReaders() {
        // Quotes end an attribute value, the last comma starts the name, a line break ends the entry.
        String m3u = M3uWriter.write(GUIDE, List.of(
                new M3uWriter.Entry("a\"b", "Say \"hi\", then\nbye", "http://tv.example/x.m3u8"),
                new M3uWriter.Entry("blank", "  ", "http://tv.example/y.m3u8")));

        IptvFormats.M3uList parsed = IptvFormats.parseM3u(m3u);
        assertThat(parsed.entries()).hasSize(2);
        IptvFormats.M3uEntry first = parsed.entries().get(0);
        assertThat(first.attributes()).containsEntry("tvg-id", "a'b").containsEntry("tvg-name", "Say 'hi'  then bye");
        assertThat(first.name()).isEqualTo("Say 'hi'  then bye");
        assertThat(first.url()).isEqualTo("http://tv.example/x.m3u8");
        IptvFormats.M3uEntry second = parsed.entries().get(1);
        assertThat(second.attributes()).containsEntry("tvg-name", "-");
        assertThat(second.name()).isEqualTo("-");
    }

    @Test
    void unicodeNamesPassThrough() {
        String m3u = M3uWriter.write(null, List.of(new M3uWriter.Entry("kids", "Télé für Kinder 📺",
                "https://tv.example/k.m3u8")));
        assertThat(IptvFormats.parseM3u(m3u).entries().get(0).name()).isEqualTo("Télé für Kinder 📺");
    }
}
