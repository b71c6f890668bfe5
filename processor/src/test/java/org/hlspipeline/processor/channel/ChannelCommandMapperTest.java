package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hlspipeline.processor.channel.AvroChannels.alert;
import static org.hlspipeline.processor.channel.AvroChannels.command;
import static org.hlspipeline.processor.channel.AvroChannels.configure;
import static org.hlspipeline.processor.channel.AvroChannels.list;
import static org.hlspipeline.processor.channel.AvroChannels.vod;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import org.hlspipeline.processor.hls.VariantDescription;
import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.Channels;
import org.hlspipeline.processor.playout.LadderRendition;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.When;
import org.junit.jupiter.api.Test;

class ChannelCommandMapperTest {

    @Test
    void aConfiguresNullFieldsMeanTheDefaults() {
        PlayoutCommand command = ChannelCommandMapper.toDomain(command("tv1", configure("720p")));

        assertThat(command).isEqualTo(new PlayoutCommand.Configure(new ChannelConfig(
                List.of(new LadderRendition("720p", 1_000_000, null, "1280x720", "avc1.4d401f,mp4a.40.2", 25.0)),
                6, 2, null, true, AdMarkers.DATERANGE)));
    }

    @Test
    void aConfiguresGivenFieldsAreKept() {
        ConfigureChannel configure = configure("720p", "480p");
        configure.getLadder().get(1).setAverageBandwidth(900_000L);
        configure.setWindowSize(10);
        configure.setTargetDurationSeconds(4);
        configure.setFiller(vod("slate", 1));
        configure.setProgramDateTime(false);
        configure.setAdMarkers(org.hlspipeline.schemas.channel.AdMarkers.CUE);

        ChannelConfig config = ((PlayoutCommand.Configure) ChannelCommandMapper.toDomain(command("tv1", configure)))
                .config();

        assertThat(config.renditionNames()).containsExactly("720p", "480p");
        assertThat(((VariantDescription) config.ladder().get(1).description()).averageBandwidth()).isEqualTo(900_000L);
        assertThat(config.windowSize()).isEqualTo(10);
        assertThat(config.targetDurationSeconds()).isEqualTo(4);
        assertThat(config.filler().itemId()).isEqualTo("slate");
        assertThat(config.programDateTime()).isFalse();
        assertThat(config.adMarkers()).isEqualTo(AdMarkers.CUE);
        assertThat(ChannelCommandMapper.toAvroPayload(new PlayoutCommand.Configure(config))).isEqualTo(configure);
    }

    @Test
    void enqueuePositions() {
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new Enqueue(list(vod("ep1", 2)), Position.NEXT))))
                .isEqualTo(new PlayoutCommand.Enqueue(List.of(ItemMapper.fromAvro(vod("ep1", 2))), true));
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new Enqueue(list(vod("ep1", 2)), Position.END))))
                .isEqualTo(new PlayoutCommand.Enqueue(List.of(ItemMapper.fromAvro(vod("ep1", 2))), false));
    }

    @Test
    void replaceAndEndWhen() {
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new Replace(list(vod("ep1", 2)), When.AFTER_CURRENT))))
                .isEqualTo(new PlayoutCommand.Replace(List.of(ItemMapper.fromAvro(vod("ep1", 2))), true));
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new Replace(list(vod("ep1", 2)), When.NOW))))
                .isEqualTo(new PlayoutCommand.Replace(List.of(ItemMapper.fromAvro(vod("ep1", 2))), false));
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new EndChannel(When.AFTER_CURRENT))))
                .isEqualTo(new PlayoutCommand.End(true));
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new EndChannel(When.NOW))))
                .isEqualTo(new PlayoutCommand.End(false));
    }

    @Test
    void anInterruptIsNamedByItsCommandId() {
        ChannelCommand command = new ChannelCommand("tv1", "breaking-7", null,
                new Interrupt(list(vod("news", 2)), 20, org.hlspipeline.schemas.channel.ResumePolicy.SKIP));

        assertThat(ChannelCommandMapper.toDomain(command)).isEqualTo(new PlayoutCommand.Interrupt("breaking-7",
                List.of(ItemMapper.fromAvro(vod("news", 2))), 20, ResumePolicy.SKIP));
    }

    @Test
    void everyResumePolicyMapsByName() {
        for (org.hlspipeline.schemas.channel.ResumePolicy policy
                : org.hlspipeline.schemas.channel.ResumePolicy.values()) {
            PlayoutCommand.Interrupt interrupt = (PlayoutCommand.Interrupt) ChannelCommandMapper.toDomain(
                    command("tv1", new Interrupt(list(vod("news", 2)), 10, policy)));
            assertThat(interrupt.policy().name()).isEqualTo(policy.name());
        }
    }

    @Test
    void skipAndRemove() {
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new Skip()))).isEqualTo(new PlayoutCommand.Skip());
        assertThat(ChannelCommandMapper.toDomain(command("tv1", new RemoveItem("ep2"))))
                .isEqualTo(new PlayoutCommand.Remove("ep2"));
    }

    @Test
    void anAlertEndsItsDurationAfterItsStartWheneverItReachesTheChannel() {
        Alert alert = alert(vod("storm", 3));
        alert.setPriority(150);
        alert.setAfter(AfterAlert.JOIN_IN_PROGRESS);
        long startMicros = AvroChannels.T0.toEpochMilli() * 1000;

        PlayoutCommand.StartAlert start = ChannelCommandMapper.toStartAlert("storm-1", alert, startMicros + 7_000_000);

        assertThat(start).isEqualTo(new PlayoutCommand.StartAlert("storm-1",
                List.of(ItemMapper.fromAvro(vod("storm", 3))), 150, ResumePolicy.JOIN_IN_PROGRESS,
                startMicros + 30_000_000));
        alert.setAfter(AfterAlert.RESUME);
        assertThat(ChannelCommandMapper.toStartAlert("storm-1", alert, startMicros).after())
                .isEqualTo(ResumePolicy.RESUME);
    }

    @Test
    void everyStoredCommandRoundTripsThroughItsPayload() {
        List<PlayoutCommand> commands = List.of(
                new PlayoutCommand.Configure(Channels.config(Channels.item("slate", 1).looping())),
                new PlayoutCommand.Configure(new ChannelConfig(Channels.LADDER, 1000, 60, null, false,
                        AdMarkers.NONE)),
                new PlayoutCommand.Enqueue(List.of(Channels.item("ep1", 3), Channels.item("ep2", 4)), false),
                new PlayoutCommand.Enqueue(List.of(Channels.item("ep1", 3).withRange(1, 2)), true),
                new PlayoutCommand.Replace(List.of(Channels.item("ep1", 3)), false),
                new PlayoutCommand.Replace(List.of(Channels.item("ep1", 3)), true),
                new PlayoutCommand.Interrupt("cmd-9", List.of(Channels.item("news", 3)), 10, ResumePolicy.RESUME),
                new PlayoutCommand.Interrupt("cmd-9", List.of(Channels.item("news", 3)), 11, ResumePolicy.SKIP),
                new PlayoutCommand.Interrupt("cmd-9", List.of(Channels.item("news", 3)), 12, ResumePolicy.REPLACE),
                new PlayoutCommand.Skip(),
                new PlayoutCommand.Remove("ep2"),
                new PlayoutCommand.End(false),
                new PlayoutCommand.End(true));

        for (PlayoutCommand command : commands) {
            Object payload = ChannelCommandMapper.toAvroPayload(command);
            assertThat(ChannelCommandMapper.toDomain("cmd-9", payload)).as(command.toString()).isEqualTo(command);
            assertThat(ChannelCommandMapper.toAvroPayload(ChannelCommandMapper.toDomain("cmd-9", payload)))
                    .isEqualTo(payload);
        }
    }

    @Test
    void aStoredCommandSurvivesAvroEncoding() throws IOException {
        PlayoutCommand interrupt = new PlayoutCommand.Interrupt("cmd-9",
                List.of(Channels.item("news", 3).looping()), 10, ResumePolicy.REPLACE);
        ChannelCommand record = new ChannelCommand("tv1", "cmd-9", null, ChannelCommandMapper.toAvroPayload(interrupt));

        ByteBuffer bytes = ChannelCommand.getEncoder().encode(record);

        assertThat(ChannelCommandMapper.toDomain(ChannelCommand.getDecoder().decode(bytes))).isEqualTo(interrupt);
    }

    @Test
    void alertsHaveNoChannelCommandPayload() {
        assertThatThrownBy(() -> ChannelCommandMapper.toAvroPayload(new PlayoutCommand.StartAlert("a", List.of(),
                100, ResumePolicy.RESUME, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChannelCommandMapper.toAvroPayload(new PlayoutCommand.CancelAlert("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
