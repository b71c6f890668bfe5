package org.hlspipeline.queryapi.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hlspipeline.queryapi.e2e.FfmpegPlaysItIT.configure;
import static org.hlspipeline.queryapi.e2e.FfmpegPlaysItIT.importAsset;
import static org.hlspipeline.queryapi.e2e.FfmpegPlaysItIT.item;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.queryapi.testing.PipelineInstance;
import org.hlspipeline.queryapi.testing.TestPipeline;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Channels of fMP4 and encrypted VOD items, made by ffmpeg, imported with {@code asset import}, aired by the app
 * and played by ffmpeg as a client ({@code ffmpeg -v error -i <master> -t 10 -f null -}: exit 0, no error), the
 * media served by the tests' origin ({@link MediaServer}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelMediaIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PLAY_LIMIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PipelineInstance app;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        app = PipelineInstance.start(TestPipeline.unique("channel-media"), dataDir);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /**
     * Two fMP4 assets in a row: the channel's playlist switches EXT-X-MAP at the item change, after a
     * discontinuity, and ffmpeg plays from the first into the second, fetching both initialisation sections.
     */
    @Test
    void aChannelOfFmp4ItemsPlaysAcrossTheChangeOfMap(@TempDir Path folder) throws Exception {
        String channel = "cmaf-channel";
        TestMedia.vodFmp4(folder.resolve("a"), 6, 440);
        TestMedia.vodFmp4(folder.resolve("b"), 6, 880);
        try (MediaServer origin = MediaServer.serve(folder)) {
            JsonNode a = importAsset(folder.resolve("a"), origin.url("a/"));
            JsonNode b = importAsset(folder.resolve("b"), origin.url("b/"));
            assertThat(a.at("/renditions/" + TestMedia.LIVE_RENDITION + "/map/uri").asString())
                    .isEqualTo(origin.url("a/" + TestMedia.LIVE_RENDITION + "/init.mp4"));
            post(channel, configure(item("b-filler", "FILLER", "b-filler", b)));
            post(channel, enqueue(item("a", "PROGRAM", "A", a), item("b", "PROGRAM", "B", b)));
            String media = mediaPath(channel);
            await("the channel airs into the second item").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        String text = text(media);
                        return text.contains("/a/") && text.lastIndexOf("/b/") > text.indexOf("/a/");
                    });
            String playlist = text(media);
            HlsRules.assertValidMediaPlaylist(playlist);
            assertThat(playlist).contains("#EXT-X-VERSION:6\n").contains("#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI=\""
                    + origin.url("b/" + TestMedia.LIVE_RENDITION + "/init.mp4") + "\"\n");

            Ffmpeg.Run play = Ffmpeg.play(folder.resolve("play.log"), app.baseUrl() + "/channels/" + channel
                    + "/master.m3u8", 10, PLAY_LIMIT);

            assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
            assertThat(play.exitCode()).isZero();
            assertThat(origin.served()).as("both initialisation sections were fetched")
                    .anyMatch(s -> s.path().equals("/a/360p/init.mp4") && s.status() == 200)
                    .anyMatch(s -> s.path().equals("/b/360p/init.mp4") && s.status() == 200);
            assertThat(origin.served().stream().filter(s -> s.path().endsWith(".m4s")).toList())
                    .hasSizeGreaterThanOrEqualTo(4).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        }
    }

    /**
     * An AES-128 asset whose key has no IV (each segment's IV is its media sequence number in the asset's own
     * playlist, 5 to 7), aired after a clear item so the channel numbers it from 3: the channel states the
     * asset's numbers as IVs, and every aired segment decrypted with the IV the channel states is the clear
     * segment it was made from. ffmpeg plays it with the key from the origin.
     */
    @Test
    void anEncryptedItemPlaysWithTheIvOfItsOwnNumbering(@TempDir Path folder) throws Exception {
        String channel = "aes-channel";
        TestMedia.vod(folder.resolve("clear"), 6, 440, 0, 360);
        TestMedia.vod(folder.resolve("plain"), 6, 660, 5, 360);
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        TestMedia.encrypt(folder.resolve("plain"), folder.resolve("enc"), 5, key);
        try (MediaServer origin = MediaServer.serve(folder)) {
            JsonNode clear = importAsset(folder.resolve("clear"), origin.url("clear/"));
            JsonNode enc = importAsset(folder.resolve("enc"), origin.url("enc/"));
            assertThat(enc.path("startNumber").asLong()).isEqualTo(5);
            assertThat(enc.at("/renditions/" + TestMedia.LIVE_RENDITION + "/key/iv").isMissingNode()).isTrue();
            post(channel, configure(item("filler", "FILLER", "filler", clear)));
            post(channel, enqueue(item("clear", "PROGRAM", "Clear", clear), item("enc", "PROGRAM", "Encrypted",
                    enc)));
            String media = mediaPath(channel);
            await("the encrypted item airs").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> text(media).contains("/enc/360p/seg7.ts"));

            String playlist = text(media);
            HlsRules.assertValidMediaPlaylist(playlist);
            List<String[]> aired = encryptedSegments(playlist);
            assertThat(aired).extracting(s -> s[0]).contains(origin.url("enc/360p/seg5.ts"),
                    origin.url("enc/360p/seg7.ts"));
            for (String[] segment : aired) {
                String name = segment[0].substring(segment[0].lastIndexOf('/') + 1);
                long number = Long.parseLong(name.replaceAll("\\D", ""));
                assertThat(segment[1]).as("the IV of %s, its number in the asset's playlist", name)
                        .isEqualTo(sequenceIv(number));
                byte[] decrypted = decrypt(fetch(segment[0]), key, segment[1]);
                assertThat(decrypted).as("%s decrypted with IV %s", name, segment[1])
                        .isEqualTo(Files.readAllBytes(folder.resolve("plain/360p").resolve(name)));
            }

            Ffmpeg.Run play = Ffmpeg.play(folder.resolve("play.log"), app.baseUrl() + "/channels/" + channel
                    + "/master.m3u8", 10, PLAY_LIMIT);

            assertThat(play.errorLines()).as("ffmpeg's errors").isEmpty();
            assertThat(play.exitCode()).isZero();
            assertThat(origin.served()).as("the key was fetched from the origin")
                    .anyMatch(s -> s.path().equals("/enc/360p/enc.key") && s.status() == 200);
            assertThat(origin.served()).as("ffmpeg played encrypted segments")
                    .anyMatch(s -> s.path().startsWith("/enc/360p/seg") && s.status() == 200);
        }
    }

    /** Each segment under {@code /enc/} with the IV of the EXT-X-KEY in force for it, as RFC 8216 applies tags. */
    private static List<String[]> encryptedSegments(String playlist) {
        List<String[]> segments = new ArrayList<>();
        String iv = null;
        for (String line : playlist.split("\n")) {
            if (line.startsWith("#EXT-X-KEY:")) {
                int at = line.indexOf(",IV=");
                iv = at < 0 ? null : line.substring(at + 4).split(",")[0];
            } else if (!line.startsWith("#") && line.contains("/enc/")) {
                assertThat(iv).as("the IV stated for %s", line).isNotNull();
                segments.add(new String[] {line, iv});
            }
        }
        return segments;
    }

    private static byte[] decrypt(byte[] data, byte[] key, String iv) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new IvParameterSpec(HexFormat.of().parseHex(iv.substring(2))));
        return cipher.doFinal(data);
    }

    private static byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    /** RFC 8216 §5.2: the media sequence number, big-endian in 16 octets, zeros on the left; hex as in §4.2. */
    private static String sequenceIv(long sequence) {
        return "0x" + HexFormat.of().withUpperCase().formatHex(ByteBuffer.allocate(16).putLong(8, sequence).array());
    }

    private static String mediaPath(String channel) {
        return "/channels/" + channel + "/renditions/" + TestMedia.LIVE_RENDITION + "/playlist.m3u8";
    }

    private String text(String path) {
        byte[] body = app.http().get().uri(path).exchange().expectBody(byte[].class).returnResult()
                .getResponseBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static ObjectNode enqueue(ObjectNode... items) {
        ObjectNode enqueue = JSON.createObjectNode().put("type", "enqueue");
        var array = enqueue.putArray("items");
        for (ObjectNode item : items) {
            array.add(item);
        }
        return enqueue;
    }

    private void post(String channel, ObjectNode command) {
        app.http().post().uri("/channels/{c}/commands", channel).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(command)).exchange().expectStatus().isAccepted()
                .expectBody(Void.class);
    }
}
