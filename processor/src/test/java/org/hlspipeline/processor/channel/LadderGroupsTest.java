package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.vod;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hlspipeline.processor.hls.HlsRules;
import org.hlspipeline.processor.hls.PlaylistRenderer;
import org.hlspipeline.processor.playout.ChannelPlaylists;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.stream.RenditionType;
import org.junit.jupiter.api.Test;

/**
 * A channel's ladder with audio groups: checked whole when configured, listed in the master, and every item must
 * bring every rendition of it, audio included, when it is enqueued (not when it would air).
 */
class LadderGroupsTest {

    private static LadderRendition video(String name, String audio) {
        return LadderRendition.newBuilder().setName(name).setBandwidth(2_500_000L).setCodecs("avc1.4d401f,mp4a.40.2")
                .setAudio(audio).build();
    }

    private static LadderRendition audio(String name, String groupId, String mediaName, boolean isDefault) {
        return LadderRendition.newBuilder().setName(name).setType(RenditionType.AUDIO).setGroupId(groupId)
                .setMediaName(mediaName).setLanguage(mediaName.substring(0, 2).toLowerCase()).setDefault$(isDefault)
                .setAutoselect(true).build();
    }

    private static ConfigureChannel configure(LadderRendition... ladder) {
        ConfigureChannel configure = AvroChannels.configure();
        configure.setLadder(new ArrayList<>(List.of(ladder)));
        return configure;
    }

    private static Optional<String> problem(ConfigureChannel configure) {
        return ChannelCommandCheck.problem("tv1", command("tv1", configure), null);
    }

    @Test
    void aLadderIsCheckedWhole() {
        assertThat(problem(configure(video("720p", "aac"), audio("en", "aac", "English", true)))).isEmpty();
        assertThat(problem(configure(video("720p", "aac"))))
                .hasValue("ladder: rendition '720p' names audio group 'aac', which has no AUDIO rendition");
        assertThat(problem(configure(video("720p", null), audio("en", "aac", "English", true))))
                .hasValue("ladder: no VIDEO rendition names AUDIO group 'aac' (rendition 'en'), so no variant can "
                        + "use it");
        assertThat(problem(configure(video("720p", "aac"), audio("en", "aac", "English", true),
                audio("en2", "aac", "English", false))))
                .hasValue("ladder: AUDIO group 'aac' already has a rendition named 'English' ('en'); names are "
                        + "unique in a group (RFC 8216 §4.3.4.1.1)");
        LadderRendition withBandwidth = audio("de", "aac", "Deutsch", false);
        withBandwidth.setBandwidth(128_000L);
        assertThat(problem(configure(video("720p", "aac"), audio("en", "aac", "English", true), withBandwidth)))
                .hasValueSatisfying(p -> assertThat(p).startsWith("ladder[2] \"de\": bandwidth is for VIDEO "
                        + "renditions, not AUDIO"));
    }

    @Test
    void theMasterListsTheGroupAndAnItemMustBringItsAudio() {
        ConfigureChannel configure = configure(video("720p", "aac"), audio("en", "aac", "English", true),
                audio("de", "aac", "Deutsch", false));
        ChannelState configured = Playout.advance(Playout.schedule(ChannelState.create("tv1"),
                new PlayoutCommand.Configure(ChannelCommandMapper.config(configure)), org.hlspipeline.processor.playout.Channels.T0),
                org.hlspipeline.processor.playout.Channels.T0).state();

        String master = PlaylistRenderer.renderMaster(ChannelPlaylists.master(configured));
        assertThat(master).contains("#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"Deutsch\",LANGUAGE=\"de\","
                + "AUTOSELECT=YES,URI=\"renditions/de/playlist.m3u8\"\n", "AUDIO=\"aac\"\nrenditions/720p/playlist.m3u8\n");
        HlsRules.assertValidMasterPlaylist(master);

        Optional<String> lacking = ChannelCommandCheck.problem("tv1", command("tv1",
                new Enqueue(list(vod("ep1", 3, "720p", "en")), Position.END)), configured);
        assertThat(lacking).hasValueSatisfying(p -> assertThat(p).contains("de"));
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", new Enqueue(list(vod("ep1", 3, "720p", "en",
                "de")), Position.END)), configured)).isEmpty();
    }
}
