package org.hlspipeline.processor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.streams.test.TestRecord;
import org.hlspipeline.processor.hls.MasterPlaylist;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.kafka.DeadLetters;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.stream.RenditionType;
import org.hlspipeline.schemas.stream.SegmentKey;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rendition descriptions through the topology: groups into the master, bad ones to the dead-letter topic. */
class StreamRenditionsTopologyTest {

    private final IngestTestDriver ingest = new IngestTestDriver(Instant.parse("2026-11-21T20:00:00Z"));

    @AfterEach
    void close() {
        ingest.close();
    }

    private static StreamEvent audio(String rendition, String name, boolean isDefault) {
        return new StreamEvent("news", null, RenditionInfo.newBuilder().setRendition(rendition)
                .setType(RenditionType.AUDIO).setGroupId("aac").setName(name).setLanguage(name.substring(0, 2)
                        .toLowerCase()).setDefault$(isDefault).setAutoselect(true).setChannels("2").build());
    }

    private static StreamEvent video() {
        return new StreamEvent("news", null, RenditionInfo.newBuilder().setRendition("720p").setBandwidth(2_500_000L)
                .setCodecs("avc1.4d401f,mp4a.40.2").setAudio("aac").build());
    }

    private MasterPlaylist master() {
        return ingest.stream("news").toMasterPlaylist().orElseThrow();
    }

    @Test
    void audioRenditionsJoinTheMasterOnceTheyHaveSegments() {
        ingest.events.pipeInput("news", video());
        ingest.events.pipeInput("news", audio("audio-en", "English", true));
        ingest.events.pipeInput("news", audio("audio-de", "Deutsch", false));
        ingest.events.pipeInput("news", StreamEvents.segment("news", "720p", 1));
        // The variant names group aac, which has no member with segments yet: no master to play.
        assertThat(ingest.stream("news").toMasterPlaylist()).isEmpty();

        ingest.events.pipeInput("news", StreamEvents.segment("news", "audio-en", 1));
        ingest.events.pipeInput("news", StreamEvents.segment("news", "audio-de", 1));

        assertThat(master().alternatives()).extracting(a -> a.description().name())
                .containsExactly("Deutsch", "English");
        assertThat(PlaylistRenderer.renderMaster(master())).contains(
                "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=YES,AUTOSELECT=YES,"
                        + "CHANNELS=\"2\",URI=\"renditions/audio-en/playlist.m3u8\"\n",
                ",AUDIO=\"aac\"\nrenditions/720p/playlist.m3u8\n");
        assertThat(ingest.deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aSecondDefaultInAGroupAndAnAudioRenditionWithABandwidthAreDeadLettered() {
        ingest.events.pipeInput("news", audio("audio-en", "English", true));
        ingest.events.pipeInput("news", audio("audio-de", "Deutsch", true));
        ingest.events.pipeInput("news", new StreamEvent("news", null, RenditionInfo.newBuilder()
                .setRendition("audio-fr").setType(RenditionType.AUDIO).setGroupId("aac").setName("Français")
                .setBandwidth(128_000L).build()));

        List<TestRecord<String, byte[]>> dead = ingest.deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> IngestTestDriver.header(r, DeadLetters.REASON))
                .containsExactly("invalid", "invalid");
        assertThat(IngestTestDriver.header(dead.get(0), DeadLetters.DETAIL))
                .contains("AUDIO group 'aac' already has a default rendition ('audio-en')");
        assertThat(IngestTestDriver.header(dead.get(1), DeadLetters.DETAIL))
                .startsWith("bandwidth is for VIDEO renditions, not AUDIO");
        assertThat(ingest.stream("news").descriptions()).containsOnlyKeys("audio-en");
    }

    @Test
    void theMasterAnnouncesTheKeyInForceAtEachRenditionsLiveEdge() {
        ingest.events.pipeInput("news", new StreamEvent("news", null, RenditionInfo.newBuilder()
                .setRendition("720p").setBandwidth(2_500_000L).build()));
        SegmentKey first = new SegmentKey("AES-128", "https://keys.example/1", "0x000102030405060708090A0B0C0D0E0F",
                null, null);
        SegmentKey second = new SegmentKey("AES-128", "https://keys.example/2", "0x0F0E0D0C0B0A09080706050403020100",
                null, null);
        ingest.events.pipeInput("news", StreamEvents.fmp4Segment("news", "720p", 1, "init.mp4", first));
        assertThat(PlaylistRenderer.renderMaster(master()))
                .contains("#EXT-X-SESSION-KEY:METHOD=AES-128,URI=\"https://keys.example/1\"\n")
                .doesNotContain("IV=");

        ingest.events.pipeInput("news", StreamEvents.fmp4Segment("news", "720p", 2, "init.mp4", second));

        assertThat(master().sessionKeys()).extracting(k -> k.uri()).containsExactly("https://keys.example/2");
    }

    @Test
    void anIFrameRenditionIsAnIFramePlaylistWhicheverComesFirst() {
        ingest.events.pipeInput("news", video());
        ingest.events.pipeInput("news", audio("audio-en", "English", true));
        ingest.events.pipeInput("news", StreamEvents.segment("news", "720p", 1));
        ingest.events.pipeInput("news", StreamEvents.segment("news", "audio-en", 1));
        ingest.events.pipeInput("news", StreamEvents.segment("news", "trick", 1));
        assertThat(PlaylistRenderer.renderMedia(ingest.window("news", "trick").toPlaylist()))
                .doesNotContain("#EXT-X-I-FRAMES-ONLY");

        ingest.events.pipeInput("news", new StreamEvent("news", null, RenditionInfo.newBuilder()
                .setRendition("trick").setBandwidth(200_000L).setIFramesOnly(true).build()));

        String trick = PlaylistRenderer.renderMedia(ingest.window("news", "trick").toPlaylist());
        assertThat(trick).contains("#EXT-X-VERSION:4\n", "#EXT-X-I-FRAMES-ONLY\n");
        assertThat(PlaylistRenderer.renderMaster(master()))
                .endsWith("#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=200000,URI=\"renditions/trick/playlist.m3u8\"\n");
        // A rendition described as one before its first segment opens its window as one.
        ingest.events.pipeInput("news", new StreamEvent("news", null, RenditionInfo.newBuilder()
                .setRendition("trick-sd").setBandwidth(100_000L).setIFramesOnly(true).build()));
        ingest.events.pipeInput("news", StreamEvents.segment("news", "trick-sd", 1));
        assertThat(ingest.window("news", "trick-sd").iFramesOnly()).isTrue();
    }
}
