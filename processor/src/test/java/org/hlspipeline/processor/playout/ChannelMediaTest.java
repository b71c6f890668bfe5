package org.hlspipeline.processor.playout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.playout.Channels.TWO_SECONDS;
import static org.hlspipeline.processor.playout.Channels.at;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hlspipeline.processor.hls.ByteRange;
import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.InitSection;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.hls.SegmentKey;
import org.hlspipeline.processor.hls.SegmentMedia;
import org.junit.jupiter.api.Test;

/**
 * Items whose renditions are fMP4 (a map), byte ranges of one file, or encrypted, aired in a channel: the media
 * playlists are read back as RFC 8216 says a player reads them (a map or a key applies to every segment after
 * it), so what each segment gets is what the player would use, whatever the renderer wrote it from.
 */
class ChannelMediaTest {

    /** One segment as a player reads it from a rendered playlist. */
    record Played(String uri, String map, String key, String byteRange, boolean discontinuity) {
    }

    /** Reads the tags in force at each segment, as RFC 8216 §4.3.2.4 and §4.3.2.5 apply them. */
    static List<Played> played(String playlist) {
        List<Played> played = new ArrayList<>();
        String map = null;
        String key = null;
        String range = null;
        boolean discontinuity = false;
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-MAP:")) {
                map = line.substring("#EXT-X-MAP:".length());
            } else if (line.startsWith("#EXT-X-KEY:")) {
                key = line.equals("#EXT-X-KEY:METHOD=NONE") ? null : line.substring("#EXT-X-KEY:".length());
            } else if (line.startsWith("#EXT-X-BYTERANGE:")) {
                range = line.substring("#EXT-X-BYTERANGE:".length());
            } else if (line.equals("#EXT-X-DISCONTINUITY")) {
                discontinuity = true;
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                played.add(new Played(line, map, key, range, discontinuity));
                range = null;
                discontinuity = false;
            }
        }
        return played;
    }

    private static VodAsset fmp4(String name, int count) {
        return VodAsset.uniform(Map.of(
                "720p", RenditionUris.template("https://cdn.example/" + name + "/720p/seg{n}.m4s")
                        .withMedia(new InitSection("https://cdn.example/" + name + "/720p/init.mp4", null),
                                List.of(), null),
                "480p", RenditionUris.template("https://cdn.example/" + name + "/480p/seg{n}.m4s")
                        .withMedia(new InitSection("https://cdn.example/" + name + "/480p/init.mp4", null),
                                List.of(), null)), count, TWO_SECONDS, 0);
    }

    private static Item item(String name, VodAsset asset) {
        return Item.of(name, ItemKind.PROGRAM, name, asset);
    }

    private static String render(ChannelState state, String rendition) {
        String playlist = PlaylistRenderer.renderMedia(ChannelPlaylists.media(state, rendition));
        HlsRules.assertValidMediaPlaylist(playlist);
        return playlist;
    }

    @Test
    void anFmp4ItemBetweenTsItemsSwitchesMapsAtItsBoundariesEachWithADiscontinuity() {
        ChannelState state = Channels.channel(Channels.item("filler", 2), Channels.item("ts1", 2),
                item("cmaf", fmp4("cmaf", 3)), Channels.item("ts2", 2));
        List<Played> seen = new ArrayList<>();
        for (int t = 0; t <= 16; t += 2) {
            state = Playout.advance(state, at(t)).state();
            String playlist = render(state, "720p");
            List<Played> window = played(playlist);
            for (Played p : window) {
                if (p.uri().contains("/cmaf/")) {
                    assertThat(p.map()).as("every fMP4 segment of window at %d s has its map\n%s", t, playlist)
                            .isEqualTo("URI=\"https://cdn.example/cmaf/720p/init.mp4\"");
                }
            }
            if (window.size() > 0 && window.get(0).uri().contains("/cmaf/")) {
                assertThat(playlist).contains("#EXT-X-VERSION:6\n");
            }
            seen.addAll(window.stream().filter(p -> seen.stream().noneMatch(s -> s.uri().equals(p.uri())))
                    .toList());
        }
        List<String> order = seen.stream().map(Played::uri).toList();
        assertThat(order).containsSubsequence("https://cdn.example/ts1/720p/seg1.ts",
                "https://cdn.example/cmaf/720p/seg0.m4s", "https://cdn.example/cmaf/720p/seg2.m4s",
                "https://cdn.example/ts2/720p/seg0.ts");
        for (int i = 1; i < seen.size(); i++) {
            if (!java.util.Objects.equals(seen.get(i).map(), seen.get(i - 1).map())
                    || !folder(seen.get(i).uri()).equals(folder(seen.get(i - 1).uri()))) {
                assertThat(seen.get(i).discontinuity()).as("a new map or item at %s", seen.get(i).uri()).isTrue();
            }
        }
    }

    @Test
    void aWindowThatSlidPastTheMapAndKeyTagsStatesThemBeforeItsFirstSegment() {
        SegmentKey key = new SegmentKey("AES-128", "https://keys.example/k1", "0x00112233445566778899AABBCCDDEEFF",
                null, null);
        VodAsset asset = VodAsset.uniform(Map.of(
                "720p", RenditionUris.template("https://cdn.example/long/720p/seg{n}.m4s").withMedia(
                        new InitSection("https://cdn.example/long/720p/init.mp4", null), List.of(), key),
                "480p", RenditionUris.template("https://cdn.example/long/480p/seg{n}.m4s")), 20, TWO_SECONDS, 0);
        ChannelState state = Playout.advance(Channels.channel(null, item("long", asset)), at(30)).state();

        String playlist = render(state, "720p");
        List<Played> window = played(playlist);
        assertThat(window.get(0).uri()).isNotEqualTo("https://cdn.example/long/720p/seg0.m4s");
        assertThat(window).allSatisfy(p -> {
            assertThat(p.map()).isEqualTo("URI=\"https://cdn.example/long/720p/init.mp4\"");
            assertThat(p.key()).isEqualTo("METHOD=AES-128,URI=\"https://keys.example/k1\","
                    + "IV=0x00112233445566778899AABBCCDDEEFF");
        });
        assertThat(playlist).containsOnlyOnce("#EXT-X-MAP").containsOnlyOnce("#EXT-X-KEY");
        assertThat(render(state, "480p")).doesNotContain("#EXT-X-MAP", "#EXT-X-KEY");
    }

    /** RFC 8216 §5.2: the IV is the media sequence number, big-endian in 16 octets, padded with zeros on the left. */
    private static String sequenceIv(long sequence) {
        byte[] iv = ByteBuffer.allocate(16).putLong(8, sequence).array();
        return "0x" + HexFormat.of().withUpperCase().formatHex(iv);
    }

    @Test
    void aKeyWithoutAnIvGetsTheIvOfTheAssetsOwnSequenceNumberThoughTheChannelRenumbers() {
        SegmentKey key = new SegmentKey("AES-128", "https://keys.example/k2", null, null, null);
        VodAsset asset = VodAsset.uniform(Map.of(
                "720p", RenditionUris.template("https://cdn.example/enc/720p/seg{n}.ts")
                        .withMedia(null, List.of(), key),
                "480p", RenditionUris.template("https://cdn.example/enc/480p/seg{n}.ts")
                        .withMedia(null, List.of(), key)), 3, TWO_SECONDS, 7);
        ChannelState state = Playout.advance(Channels.channel(Channels.item("filler", 2), item("enc", asset)
                .withRange(1, 3)), at(8)).state();

        List<Played> window = played(render(state, "480p"));
        List<Played> encrypted = window.stream().filter(p -> p.uri().contains("/enc/")).toList();
        // The asset's own playlist numbers them 7, 8, 9 (startNumber 7); the item airs from index 1.
        assertThat(encrypted).extracting(Played::uri).containsExactly("https://cdn.example/enc/480p/seg8.ts",
                "https://cdn.example/enc/480p/seg9.ts");
        assertThat(encrypted).extracting(Played::key).containsExactly(
                "METHOD=AES-128,URI=\"https://keys.example/k2\",IV=" + sequenceIv(8),
                "METHOD=AES-128,URI=\"https://keys.example/k2\",IV=" + sequenceIv(9));
        assertThat(state.window().get(0).mediaSequence()).as("the channel numbers them otherwise").isZero();
        Played after = window.get(window.size() - 1);
        assertThat(after.uri()).contains("/filler/");
        assertThat(after.key()).as("the filler after them is in the clear (METHOD=NONE)").isNull();
    }

    @Test
    void theMasterAnnouncesTheKeyInForceAtTheNewestSegmentWithoutItsIv() {
        SegmentKey drm = new SegmentKey("SAMPLE-AES", "skd://key1", null, "com.apple.streamingkeydelivery", "1");
        VodAsset asset = VodAsset.uniform(Map.of(
                "720p", RenditionUris.template("https://cdn.example/drm/720p/seg{n}.ts").withMedia(null, List.of(), drm),
                "480p", RenditionUris.template("https://cdn.example/drm/480p/seg{n}.ts").withMedia(null, List.of(), drm)),
                3, TWO_SECONDS, 0);
        ChannelState airing = Playout.advance(Channels.channel(Channels.item("filler", 2), item("drm", asset)),
                at(1)).state();
        ChannelState clear = Playout.advance(Channels.channel(Channels.item("filler", 2)), at(1)).state();

        assertThat(ChannelPlaylists.master(airing).sessionKeys()).containsExactly(drm);
        assertThat(org.hlspipeline.processor.hls.PlaylistRenderer.renderMaster(ChannelPlaylists.master(airing)))
                .startsWith("#EXTM3U\n#EXT-X-VERSION:5\n#EXT-X-SESSION-KEY:METHOD=SAMPLE-AES,URI=\"skd://key1\",");
        assertThat(ChannelPlaylists.master(clear).sessionKeys()).isEmpty();
    }

    @Test
    void aKeyOfAnotherKeyFormatOrWithAnIvIsKeptAsItIs() {
        SegmentKey drm = new SegmentKey("SAMPLE-AES", "skd://key1", null, "com.apple.streamingkeydelivery", "1");
        SegmentKey withIv = new SegmentKey("AES-128", "k", "0x" + "0".repeat(31) + "1", null, null);
        assertThat(drm.statingIv(5)).isSameAs(drm);
        assertThat(withIv.statingIv(5)).isSameAs(withIv);
        assertThat(new SegmentKey("SAMPLE-AES", "k", null, "identity", null).statingIv(255).iv())
                .isEqualTo(sequenceIv(255));
    }

    @Test
    void byteRangesOfOneFileAreWrittenPerSegment() {
        VodAsset asset = VodAsset.uniform(Map.of(
                "720p", new RenditionUris(null, List.of("https://cdn.example/one/720p.mp4",
                        "https://cdn.example/one/720p.mp4")).withMedia(
                        new InitSection("https://cdn.example/one/720p.mp4", new ByteRange(720, 0)),
                        List.of(new ByteRange(1000, 720), new ByteRange(1200, 1720)), null),
                "480p", RenditionUris.template("https://cdn.example/one/480p/seg{n}.ts")), 2, TWO_SECONDS, 0);
        ChannelState state = Playout.advance(Channels.channel(null, item("one", asset)), at(3)).state();

        String playlist = render(state, "720p");
        assertThat(played(playlist)).extracting(Played::byteRange).containsExactly("1000@720", "1200@1720");
        assertThat(played(playlist)).extracting(Played::map)
                .containsOnly("URI=\"https://cdn.example/one/720p.mp4\",BYTERANGE=\"720@0\"");
    }

    @Test
    void aLoopWrapWithContinuousTimestampsKeepsItsMapAndNeedsNoDiscontinuity() {
        Item loop = new Item("cmaf", ItemKind.FILLER, null, fmp4("cmaf", 2), 0, 2, true, true);
        ChannelState state = Playout.advance(Channels.channel(loop), at(10)).state();
        List<Played> window = played(render(state, "720p"));
        assertThat(window).hasSizeGreaterThan(3).allSatisfy(p -> assertThat(p.discontinuity()).isFalse());
        assertThat(window).extracting(Played::map).containsOnly("URI=\"https://cdn.example/cmaf/720p/init.mp4\"");
    }

    @Test
    void aRelayedStreamsMediaIsAiredAndItsSequenceStatesTheIvAndAChangeOfMapIsADiscontinuity() {
        LiveRelayTest.StreamFeed feed = new LiveRelayTest.StreamFeed();
        SegmentKey key = new SegmentKey("AES-128", "https://keys.example/live", null, null, null);
        for (long n = 100; n < 104; n++) {
            InitSection map = new InitSection("https://live.example/news/init" + (n < 102 ? "1" : "2") + ".mp4",
                    null);
            SegmentMedia media = new SegmentMedia(map, null, key);
            feed.segments.put(n, new LiveSegment(n, TWO_SECONDS, Map.of("720p", "https://live.example/news/" + n
                    + ".m4s", "480p", "https://live.example/news/480p/" + n + ".m4s"), false,
                    Map.of("720p", media, "480p", SegmentMedia.NONE)));
        }
        Item live = new Item("news", ItemKind.PROGRAM, "News", new LiveStream("news", 0), 0, 0, false, false);
        ChannelState state = Channels.channel(null, live);
        state = Playout.advance(state, at(0), feed).state();
        // It joins at the live edge (103); show it the older ones by starting the relay over from 100.
        assertThat(state.window()).hasSize(1);
        assertThat(state.window().get(0).media("720p").key().iv()).isEqualTo(sequenceIv(103));

        LiveRelayTest.StreamFeed early = new LiveRelayTest.StreamFeed();
        early.segments.put(100L, feed.segments.get(100L));
        ChannelState relay = Playout.advance(Channels.channel(null, live), at(0), early).state();
        for (long n = 101; n < 104; n++) {
            early.segments.put(n, feed.segments.get(n));
            relay = Playout.advance(relay, at(2 * (n - 100)), early).state();
        }
        List<Played> window = played(render(relay, "720p"));
        assertThat(window).extracting(Played::uri).containsExactly("https://live.example/news/100.m4s",
                "https://live.example/news/101.m4s", "https://live.example/news/102.m4s",
                "https://live.example/news/103.m4s");
        assertThat(window).extracting(Played::discontinuity).containsExactly(false, false, true, false);
        assertThat(window).extracting(Played::key).containsExactly(
                "METHOD=AES-128,URI=\"https://keys.example/live\",IV=" + sequenceIv(100),
                "METHOD=AES-128,URI=\"https://keys.example/live\",IV=" + sequenceIv(101),
                "METHOD=AES-128,URI=\"https://keys.example/live\",IV=" + sequenceIv(102),
                "METHOD=AES-128,URI=\"https://keys.example/live\",IV=" + sequenceIv(103));
        assertThat(window.get(2).map()).isEqualTo("URI=\"https://live.example/news/init2.mp4\"");
        assertThat(played(render(relay, "480p"))).allSatisfy(p -> assertThat(p.key()).isNull());
        assertThat(Optional.ofNullable(window.get(0).map())).hasValue("URI=\"https://live.example/news/init1.mp4\"");
    }

    private static String folder(String uri) {
        return uri.substring(0, uri.lastIndexOf('/'));
    }
}
