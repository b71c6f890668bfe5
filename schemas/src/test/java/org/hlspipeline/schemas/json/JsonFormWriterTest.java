package org.hlspipeline.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.AdMarkers;
import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.EndChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RemoveItem;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.channel.When;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the writer writes, the reader reads back into the same record: every command, every field. */
class JsonFormWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant AT = Instant.parse("2026-11-21T20:00:00.250Z");

    private static Item vodItem() {
        Map<String, RenditionSource> renditions = new LinkedHashMap<>();
        renditions.put("720p", RenditionSource.newBuilder().setUriTemplate("https://cdn.example/ep1/720p/seg{n}.ts")
                .setUris(new ArrayList<>()).build());
        renditions.put("480p", RenditionSource.newBuilder()
                .setUris(new ArrayList<>(List.of("a.ts", "b.ts", "c.ts"))).build());
        return new Item("ep1", ItemKind.AD, "Episode \"1\"", new VodSource(renditions, 3, null,
                new ArrayList<>(List.of(2_002_000L, 1_999_999L, 30_000_000L)), 7L), 1, 3, true, true);
    }

    private static Item liveItem() {
        return new Item("news-live", ItemKind.PROGRAM, null, new LiveSource("news", 600_000_000L), null, null, false,
                false);
    }

    /** Written, printed as text, read as text, and parsed back. */
    private static ChannelCommand roundTrip(ChannelCommand command) {
        String text = JSON.writeValueAsString(JsonFormWriter.command(command));
        JsonNode read = JSON.readTree(text);
        return ChannelCommandJson.parseCommand(read.get("channelId").asString(), read, () -> "unused");
    }

    @Test
    void everyChannelCommandReadsBackEqual() {
        List<Object> payloads = List.of(
                new ConfigureChannel(new ArrayList<>(List.of(
                        LadderRendition.newBuilder().setName("720p").setBandwidth(2_500_000L)
                                .setAverageBandwidth(2_000_000L).setResolution("1280x720")
                                .setCodecs("avc1.4d401f,mp4a.40.2").setFrameRate(29.97).build(),
                        LadderRendition.newBuilder().setName("480p").setBandwidth(1_000_000L).build())),
                        8, 4, vodItem(), false, AdMarkers.BOTH),
                new ConfigureChannel(new ArrayList<>(List.of(LadderRendition.newBuilder().setName("720p")
                        .setBandwidth(1L).build())),
                        null, null, null, null, null),
                new Enqueue(new ArrayList<>(List.of(vodItem(), liveItem())), Position.NEXT),
                new Replace(new ArrayList<>(List.of(liveItem())), When.AFTER_CURRENT),
                new Interrupt(new ArrayList<>(List.of(vodItem())), 42, ResumePolicy.REPLACE),
                new Skip(), new RemoveItem("ep2"), new EndChannel(When.AFTER_CURRENT));
        for (Object payload : payloads) {
            ChannelCommand command = new ChannelCommand("tv1", "cmd-" + payload.getClass().getSimpleName(), AT,
                    payload);
            assertThat(roundTrip(command)).as(payload.getClass().getSimpleName()).isEqualTo(command);
        }
        ChannelCommand noEffectiveAt = new ChannelCommand("tv1", "c2", null, new Skip());
        assertThat(roundTrip(noEffectiveAt)).isEqualTo(noEffectiveAt);
    }

    @Test
    void theFormIsTheOneTheDesignShows() {
        ChannelCommand command = new ChannelCommand("tv1", "c1", AT,
                new Interrupt(new ArrayList<>(List.of(liveItem())), 10, ResumePolicy.RESUME));

        assertThat(JSON.writeValueAsString(JsonFormWriter.command(command))).isEqualTo("""
                {"type":"interrupt","channelId":"tv1","commandId":"c1","effectiveAt":"2026-11-21T20:00:00.250Z",\
                "items":[{"itemId":"news-live","kind":"PROGRAM","live":{"streamId":"news","maxDuration":600}}],\
                "priority":10,"resume":"RESUME"}""");
    }

    @Test
    void broadcastsReadBackEqual() {
        Broadcast alert = new Broadcast("storm-1", new Alert(new ArrayList<>(List.of("tv1", "tv2")), 100, AT,
                12_500_000L, new ArrayList<>(List.of(vodItem())), AfterAlert.JOIN_IN_PROGRESS));
        Broadcast cancel = new Broadcast("storm-1", new CancelAlert());

        for (Broadcast broadcast : List.of(alert, cancel)) {
            String text = JSON.writeValueAsString(JsonFormWriter.broadcast(broadcast));
            assertThat(ChannelCommandJson.parseBroadcast(JSON.readTree(text), Instant.EPOCH)).isEqualTo(broadcast);
        }
        assertThat(JSON.writeValueAsString(JsonFormWriter.broadcast(cancel)))
                .isEqualTo("{\"type\":\"cancel-alert\",\"alertId\":\"storm-1\"}");
    }

    @Test
    void theTypeOfEachPayload() {
        assertThat(JsonFormWriter.commandType(new Skip())).isEqualTo("skip");
        assertThat(JsonFormWriter.commandType(new RemoveItem("x"))).isEqualTo("remove");
        assertThat(JsonFormWriter.commandType(new EndChannel(When.NOW))).isEqualTo("end");
    }
}
