package org.hlspipeline.processor.channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;

/** Channel commands and items in the Avro contract's words, for tests. */
public final class AvroChannels {

    public static final Instant T0 = Instant.parse("2026-11-21T20:00:00Z");
    public static final long TWO_SECONDS = 2_000_000;

    private AvroChannels() {
    }

    public static List<LadderRendition> ladder(String... names) {
        List<LadderRendition> ladder = new ArrayList<>();
        for (String name : names) {
            ladder.add(rendition(name));
        }
        return ladder;
    }

    public static LadderRendition rendition(String name) {
        return LadderRendition.newBuilder().setName(name).setBandwidth(1_000_000L).setResolution("1280x720")
                .setCodecs("avc1.4d401f,mp4a.40.2").setFrameRate(25.0).build();
    }

    /** Renditions 720p and 480p at https://cdn.example/{id}/{rendition}/seg{n}.ts, segments of 2 s. */
    public static Item vod(String id, int count) {
        return vod(id, count, "720p", "480p");
    }

    public static Item vod(String id, int count, String... renditions) {
        return new Item(id, ItemKind.PROGRAM, id.toUpperCase(), vodSource(id, count, renditions), null, null, false,
                false);
    }

    public static VodSource vodSource(String id, int count, String... renditions) {
        Map<String, RenditionSource> map = new LinkedHashMap<>();
        for (String rendition : renditions) {
            map.put(rendition, template("https://cdn.example/" + id + "/" + rendition + "/seg{n}.ts"));
        }
        return new VodSource(map, count, TWO_SECONDS, new ArrayList<>(), 0L);
    }

    public static RenditionSource template(String template) {
        return RenditionSource.newBuilder().setUriTemplate(template).setUris(new ArrayList<>()).build();
    }

    public static RenditionSource uris(String... uris) {
        return RenditionSource.newBuilder().setUris(new ArrayList<>(List.of(uris))).build();
    }

    public static Item live(String id, String streamId, Long maxDurationMicros) {
        return new Item(id, ItemKind.PROGRAM, null, new LiveSource(streamId, maxDurationMicros), null, null, false,
                false);
    }

    public static VodSource vodOf(Item item) {
        return (VodSource) item.getSource();
    }

    public static ConfigureChannel configure(String... ladder) {
        return new ConfigureChannel(ladder(ladder), null, null, null, null, null);
    }

    public static ChannelCommand command(String channelId, Object payload) {
        return new ChannelCommand(channelId, "cmd-1", null, payload);
    }

    public static Alert alert(Item... items) {
        return new Alert(new ArrayList<>(List.of("*")), 100, T0, 30_000_000L, new ArrayList<>(List.of(items)),
                AfterAlert.RESUME);
    }

    public static Broadcast broadcast(String alertId, Object payload) {
        return new Broadcast(alertId, payload);
    }

    @SafeVarargs
    public static <T> List<T> list(T... values) {
        List<T> list = new ArrayList<>(values.length);
        for (T value : values) {
            list.add(value);
        }
        return list;
    }
}
