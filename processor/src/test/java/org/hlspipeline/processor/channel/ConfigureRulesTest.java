package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.configure;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.live;
import static org.hlspipeline.processor.channel.AvroChannels.vod;
import static org.hlspipeline.processor.channel.AvroChannels.vodOf;
import static org.hlspipeline.processor.channel.RuleFixtures.ID_RULE;
import static org.hlspipeline.processor.channel.RuleFixtures.airing;
import static org.hlspipeline.processor.channel.RuleFixtures.configured;

import java.util.Optional;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Item;
import org.junit.jupiter.api.Test;

class ConfigureRulesTest {

    private Optional<String> configureNew(ConfigureChannel configure) {
        return ChannelCommandCheck.problem("tv1", command("tv1", configure), null);
    }

    @Test
    void aFullConfigureIsAccepted() {
        ConfigureChannel configure = configure("720p", "480p");
        configure.setWindowSize(1000);
        configure.setTargetDurationSeconds(60);
        configure.setFiller(vod("slate", 1));
        configure.setProgramDateTime(false);
        configure.setAdMarkers(org.hlspipeline.schemas.channel.AdMarkers.BOTH);
        assertThat(configureNew(configure)).isEmpty();
    }

    @Test
    void theLadderIsNotEmpty() {
        assertThat(configureNew(configure())).hasValue("ladder must list at least one rendition");
    }

    @Test
    void ladderNamesAreUniqueIds() {
        assertThat(configureNew(configure("720p", "hd 1")))
                .hasValue("ladder[1]: name " + ID_RULE);
        assertThat(configureNew(configure("720p", "480p", "720p")))
                .hasValue("ladder[2] \"720p\": the name is already used by ladder[0]");
    }

    @Test
    void ladderRenditionsAreDescribedAsMasterPlaylistsNeed() {
        ConfigureChannel configure = configure("720p", "480p");
        configure.getLadder().get(1).setBandwidth(0L);
        assertThat(configureNew(configure)).hasValue("ladder[1] \"480p\": bandwidth must be greater than 0");

        configure = configure("720p");
        configure.getLadder().get(0).setAverageBandwidth(-5L);
        assertThat(configureNew(configure))
                .hasValue("ladder[0] \"720p\": averageBandwidth must be greater than 0");

        configure = configure("720p");
        configure.getLadder().get(0).setResolution("1280×720");
        assertThat(configureNew(configure))
                .hasValue("ladder[0] \"720p\": resolution must be WIDTHxHEIGHT, for instance 1280x720");

        configure = configure("720p");
        configure.getLadder().get(0).setCodecs("avc1\",x");
        assertThat(configureNew(configure))
                .hasValue("ladder[0] \"720p\": codecs must be an RFC 6381 list such as avc1.4d401f,mp4a.40.2");

        configure = configure("720p");
        configure.getLadder().get(0).setFrameRate(0.0);
        assertThat(configureNew(configure))
                .hasValue("ladder[0] \"720p\": frameRate must be greater than 0 and at most 1000");

        configure = configure("720p");
        configure.getLadder().get(0).setResolution(null);
        configure.getLadder().get(0).setCodecs(null);
        configure.getLadder().get(0).setFrameRate(null);
        assertThat(configureNew(configure)).as("optional attributes").isEmpty();
    }

    @Test
    void theWindowIsOneToAThousandSegments() {
        ConfigureChannel configure = configure("720p");
        configure.setWindowSize(0);
        assertThat(configureNew(configure)).hasValue("windowSize must be 1 to 1000 (got 0)");
        configure.setWindowSize(1001);
        assertThat(configureNew(configure)).hasValue("windowSize must be 1 to 1000 (got 1001)");
        configure.setWindowSize(1);
        assertThat(configureNew(configure)).isEmpty();
    }

    @Test
    void theTargetDurationIsOneToSixtySeconds() {
        ConfigureChannel configure = configure("720p");
        configure.setTargetDurationSeconds(0);
        assertThat(configureNew(configure)).hasValue("targetDuration must be 1 to 60 s (got 0)");
        configure.setTargetDurationSeconds(61);
        assertThat(configureNew(configure)).hasValue("targetDuration must be 1 to 60 s (got 61)");
    }

    @Test
    void theTargetDurationIsFixedForTheChannelsLife() {
        ConfigureChannel configure = configure("720p", "480p");
        configure.setTargetDurationSeconds(4);
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", configure), configured()))
                .hasValue("targetDuration of channel tv1 is 2 s for the channel's life (RFC 8216 6.2.1); got 4 s");

        configure.setTargetDurationSeconds(2);
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", configure), configured())).isEmpty();
        configure.setTargetDurationSeconds(null);
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", configure), configured())).isEmpty();
    }

    @Test
    void theFillerProvidesTheLadderOfTheCommand() {
        ConfigureChannel configure = configure("720p", "480p");
        configure.setFiller(vod("slate", 1, "720p"));
        assertThat(configureNew(configure)).hasValue("filler \"slate\": rendition 480p of the ladder is missing");

        configure = configure("720p");
        configure.setFiller(vod("slate", 1, "720p"));
        assertThat(configureNew(configure)).isEmpty();
    }

    @Test
    void theFillerIsAValidVodItem() {
        ConfigureChannel configure = configure("720p", "480p");
        configure.setFiller(vod("slate", 0));
        assertThat(configureNew(configure)).hasValue("filler \"slate\": vod.segmentCount must be at least 1 (got 0)");

        configure.setFiller(live("slate", "news", null));
        assertThat(configureNew(configure))
                .hasValue("filler \"slate\": the filler must be a vod item: it fills in when nothing else can air");
    }

    @Test
    void theFillerKeepsToTheTargetDuration() {
        Item slate = vod("slate", 1);
        vodOf(slate).setSegmentDurationMicros(4_000_000L);
        ConfigureChannel configure = configure("720p", "480p");
        configure.setFiller(slate);
        assertThat(configureNew(configure)).as("default target duration 2 s").hasValue("filler \"slate\":"
                + " segments last 4 s, which rounds to 4 s, more than the channel's target duration of 2 s"
                + " (EXTINF may not exceed EXT-X-TARGETDURATION)");

        configure.setTargetDurationSeconds(4);
        assertThat(configureNew(configure)).isEmpty();

        configure.setTargetDurationSeconds(null);
        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", configure), configured()))
                .as("a re-configure keeps the channel's 2 s").isPresent();
    }

    @Test
    void aNewLadderMustBeProvidedByWhatIsQueuedAlready() {
        ChannelCommand wider = command("tv1", configure("720p", "480p", "1080p"));
        assertThat(ChannelCommandCheck.problem("tv1", wider, airing())).hasValue("item \"ep1\", already airing,"
                + " queued or scheduled on channel tv1, does not provide rendition 1080p of the new ladder;"
                + " every item must provide every rendition of the ladder");

        assertThat(ChannelCommandCheck.problem("tv1", command("tv1", configure("720p")), airing()))
                .as("a narrower ladder").isEmpty();
        assertThat(ChannelCommandCheck.problem("tv1", wider, configured())).as("nothing queued").isEmpty();
    }
}
