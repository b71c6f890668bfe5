package org.hlspipeline.processor.hls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * EXT-X-MAP, EXT-X-BYTERANGE and EXT-X-KEY, against RFC 8216: §4.3.2.5 (a map applies until the next one, and
 * needs version 6), §4.3.2.2 (a byte range needs version 4), §4.3.2.4 (a key applies until the next one;
 * SAMPLE-AES and KEYFORMAT need version 5, METHOD=NONE ends encryption), §7 (versions).
 */
class SegmentMediaRenderingTest {

    private static final long S = 1_000_000L;
    private static final InitSection INIT = new InitSection("init.mp4", null);
    private static final SegmentKey AES = new SegmentKey("AES-128", "https://keys.example/k1", null, null, null);

    private static MediaSegment segment(String uri, SegmentMedia media) {
        return MediaSegment.of(uri, 2 * S).withMedia(media);
    }

    private static String render(MediaSegment... segments) {
        return PlaylistRenderer.renderMedia(new MediaPlaylist(2, 10, 0, List.of(segments), false));
    }

    private static String header(int version) {
        return "#EXTM3U\n#EXT-X-VERSION:" + version + "\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:10\n"
                + "#EXT-X-DISCONTINUITY-SEQUENCE:0\n";
    }

    @Test
    void theMapIsStatedOnceBeforeTheFirstSegmentAndTheVersionIsSix() {
        SegmentMedia fmp4 = new SegmentMedia(INIT, null, null);

        String text = render(segment("s10.m4s", fmp4), segment("s11.m4s", fmp4));

        assertThat(text).isEqualTo(header(6) + "#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2.000,\ns10.m4s\n"
                + "#EXTINF:2.000,\ns11.m4s\n");
        HlsRules.assertValidMediaPlaylist(text);
    }

    @Test
    void aNewMapFollowsAChangeAndEveryDiscontinuity() {
        SegmentMedia first = new SegmentMedia(INIT, null, null);
        SegmentMedia second = new SegmentMedia(new InitSection("init2.mp4", new ByteRange(720, 0)), null, null);

        String text = render(segment("a.m4s", first), segment("b.m4s", second),
                segment("c.m4s", second).withDiscontinuity(true));

        assertThat(text).isEqualTo(header(6) + "#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2.000,\na.m4s\n"
                + "#EXT-X-MAP:URI=\"init2.mp4\",BYTERANGE=\"720@0\"\n#EXTINF:2.000,\nb.m4s\n"
                + "#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\"init2.mp4\",BYTERANGE=\"720@0\"\n#EXTINF:2.000,\nc.m4s\n");
        HlsRules.assertValidMediaPlaylist(text);
    }

    @Test
    void byteRangesComeBetweenExtinfAndTheUriWithTheirOffsetAndNeedVersionFour() {
        String text = render(segment("all.ts", new SegmentMedia(null, new ByteRange(1000, 0), null)),
                segment("all.ts", new SegmentMedia(null, new ByteRange(800, 1000), null)));

        assertThat(text).isEqualTo(header(4) + "#EXTINF:2.000,\n#EXT-X-BYTERANGE:1000@0\nall.ts\n"
                + "#EXTINF:2.000,\n#EXT-X-BYTERANGE:800@1000\nall.ts\n");
        HlsRules.assertValidMediaPlaylist(text);
    }

    @Test
    void aKeyIsWrittenWhereItChangesAndNoneEndsEncryption() {
        SegmentMedia k1 = new SegmentMedia(null, null, AES);
        SegmentMedia k2 = new SegmentMedia(null, null, new SegmentKey("AES-128", "https://keys.example/k2",
                "0x000102030405060708090A0B0C0D0E0F", null, null));

        String text = render(segment("a.ts", k1), segment("b.ts", k1), segment("c.ts", k2),
                segment("d.ts", SegmentMedia.NONE));

        assertThat(text).isEqualTo(header(3)
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example/k1\"\n#EXTINF:2.000,\na.ts\n"
                + "#EXTINF:2.000,\nb.ts\n"
                + "#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example/k2\",IV=0x000102030405060708090A0B0C0D0E0F\n"
                + "#EXTINF:2.000,\nc.ts\n#EXT-X-KEY:METHOD=NONE\n#EXTINF:2.000,\nd.ts\n");
        HlsRules.assertValidMediaPlaylist(text);
    }

    /** The window slid past the segment that first carried the key: its first segment still states it. */
    @Test
    void aWindowThatSlidPastTheFirstKeyStillStatesIt() {
        SegmentMedia k1 = new SegmentMedia(null, null, AES);

        assertThat(render(segment("b.ts", k1))).contains("#EXT-X-KEY:METHOD=AES-128,URI=\"https://keys.example/k1\"\n"
                + "#EXTINF:2.000,\nb.ts\n");
    }

    @Test
    void sampleAesWithAKeyFormatNeedsVersionSixWithItsMapAndTheKeyComesBeforeTheMap() {
        SegmentKey fairplay = new SegmentKey("SAMPLE-AES", "skd://key-1", null, "com.apple.streamingkeydelivery",
                "1");

        String text = render(segment("a.m4s", new SegmentMedia(INIT, null, fairplay)));

        assertThat(text).isEqualTo(header(6) + "#EXT-X-KEY:METHOD=SAMPLE-AES,URI=\"skd://key-1\","
                + "KEYFORMAT=\"com.apple.streamingkeydelivery\",KEYFORMATVERSIONS=\"1\"\n"
                + "#EXT-X-MAP:URI=\"init.mp4\"\n#EXTINF:2.000,\na.m4s\n");
        assertThat(PlaylistRenderer.renderMedia(new MediaPlaylist(2, 10, 0,
                List.of(segment("a.ts", new SegmentMedia(null, null, fairplay))), false)))
                .startsWith(header(5));
    }

    @Test
    void aGapChangesNeitherTheKeyNorTheMap() {
        SegmentMedia fmp4 = new SegmentMedia(INIT, null, AES);

        String text = render(segment("a.m4s", fmp4), MediaSegment.of("gap-11.ts", 2 * S).withGap(true),
                segment("c.m4s", fmp4));

        assertThat(text).containsOnlyOnce("#EXT-X-MAP").containsOnlyOnce("#EXT-X-KEY");
    }

    @Test
    void badValuesAreRefusedWithTheirRule() {
        assertThatThrownBy(() -> new SegmentKey("AES-256", "k", null, null, null))
                .hasMessageContaining("key method must be AES-128, SAMPLE-AES or SAMPLE-AES-CTR");
        assertThatThrownBy(() -> new SegmentKey("AES-128", "k", "0x12", null, null))
                .hasMessageContaining("key iv must be 0x and 32 hexadecimal digits");
        assertThatThrownBy(() -> new SegmentKey("AES-128", "k\"x", null, null, null))
                .hasMessageContaining("key URI contains a double quote");
        assertThatThrownBy(() -> new InitSection("init\n.mp4", null)).hasMessageContaining("map URI");
        assertThatThrownBy(() -> new ByteRange(0, 0)).hasMessageContaining("length must be greater than 0");
    }
}
