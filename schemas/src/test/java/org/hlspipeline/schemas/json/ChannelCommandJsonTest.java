package org.hlspipeline.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

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
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.channel.When;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON forms for channel commands ({@code POST /channels/{channelId}/commands}, tool files; docs/input-rules.md,
 * JSON forms).
 */
class ChannelCommandJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final String ITEM = """
            {"itemId": "ep1", "kind": "PROGRAM", "title": "Episode 1", "loop": false,
             "vod": {"renditions": {"720p": {"uriTemplate": "https://cdn.example/ep1/720p/seg{n}.ts"},
                                    "480p": {"uriTemplate": "https://cdn.example/ep1/480p/seg{n}.ts"}},
                     "segmentCount": 90, "segmentDuration": 2.0, "startNumber": 0},
             "in": 0, "out": 90}""";

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static ChannelCommand parse(String text) {
        return ChannelCommandJson.parseCommand("tv1", json(text), () -> "generated-1");
    }

    private static void rejects(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidCommandException.class).hasMessage(message);
    }

    /** Numbers past a double read as infinite, which has no decimal value: refused, not a 500 (HttpFuzzIT). */
    @Test
    void numbersPastADoubleAreRefused() {
        for (String number : new String[] {"1e400", "-1e400"}) {
            assertThatThrownBy(() -> parse("{\"type\": \"configure\", \"targetDuration\": " + number
                    + ", \"ladder\": [{\"name\": \"r1\", \"bandwidth\": 2500000}]}"))
                    .isInstanceOf(InvalidCommandException.class).hasMessageContaining("targetDuration");
        }
    }

    // --- the forms ---

    @Test
    void configureAsInTheDesign() {
        ChannelCommand command = parse("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2500000, "resolution": "1280x720",
                                                  "codecs": "avc1.4d401f,mp4a.40.2", "frameRate": 25}],
                 "windowSize": 6, "targetDuration": 2, "filler": %s, "programDateTime": true,
                 "adMarkers": "CUE"}""".formatted(ITEM.replace("\"480p\": {\"uriTemplate\": "
                + "\"https://cdn.example/ep1/480p/seg{n}.ts\"}", "\"480p\": {\"uris\": [\"a.ts\"]}")));

        assertThat(command.getChannelId()).isEqualTo("tv1");
        assertThat(command.getCommandId()).isEqualTo("generated-1");
        assertThat(command.getEffectiveAt()).isNull();
        ConfigureChannel configure = (ConfigureChannel) command.getPayload();
        assertThat(configure.getLadder()).containsExactly(
                LadderRendition.newBuilder().setName("720p").setBandwidth(2_500_000L).setResolution("1280x720")
                        .setCodecs("avc1.4d401f,mp4a.40.2").setFrameRate(25.0).build());
        assertThat(configure.getWindowSize()).isEqualTo(6);
        assertThat(configure.getTargetDurationSeconds()).isEqualTo(2);
        assertThat(configure.getFiller().getItemId()).isEqualTo("ep1");
        assertThat(configure.getProgramDateTime()).isTrue();
        assertThat(configure.getAdMarkers()).isEqualTo(org.hlspipeline.schemas.channel.AdMarkers.CUE);
    }

    @Test
    void aMinimalConfigureLeavesTheDefaultsToTheDomain() {
        ChannelCommand command = parse("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2500000}]}""");

        ConfigureChannel configure = (ConfigureChannel) command.getPayload();
        assertThat(configure.getWindowSize()).isNull();
        assertThat(configure.getTargetDurationSeconds()).isNull();
        assertThat(configure.getFiller()).isNull();
        assertThat(configure.getProgramDateTime()).isNull();
        assertThat(configure.getAdMarkers()).isNull();
    }

    @Test
    void enqueueAtTheEndByDefault() {
        ChannelCommand command = parse("""
                {"type": "enqueue", "items": [%s]}""".formatted(ITEM));

        Enqueue enqueue = (Enqueue) command.getPayload();
        assertThat(enqueue.getPosition()).isEqualTo(Position.END);
        assertThat(enqueue.getItems()).hasSize(1);
        assertThat(((Enqueue) parse("""
                {"type": "enqueue", "items": [%s], "position": "NEXT"}""".formatted(ITEM)).getPayload())
                .getPosition()).isEqualTo(Position.NEXT);
    }

    @Test
    void theItemAsInTheDesign() {
        Item item = ((Enqueue) parse("""
                {"type": "enqueue", "items": [%s]}""".formatted(ITEM)).getPayload()).getItems().get(0);

        assertThat(item.getItemId()).isEqualTo("ep1");
        assertThat(item.getKind()).isEqualTo(ItemKind.PROGRAM);
        assertThat(item.getTitle()).isEqualTo("Episode 1");
        assertThat(item.getLoop()).isFalse();
        assertThat(item.getContinuousTimestamps()).isFalse();
        assertThat(item.getInPoint()).isZero();
        assertThat(item.getOutPoint()).isEqualTo(90);
        VodSource vod = (VodSource) item.getSource();
        assertThat(vod.getRenditions()).containsOnlyKeys("720p", "480p");
        assertThat(vod.getRenditions().get("720p").getUriTemplate())
                .isEqualTo("https://cdn.example/ep1/720p/seg{n}.ts");
        assertThat(vod.getRenditions().get("720p").getUris()).isEmpty();
        assertThat(vod.getSegmentCount()).isEqualTo(90);
        assertThat(vod.getSegmentDurationMicros()).isEqualTo(2_000_000L);
        assertThat(vod.getDurationsMicros()).isEmpty();
        assertThat(vod.getStartNumber()).isZero();
    }

    @Test
    void anItemsDefaults() {
        Item item = ((Enqueue) parse("""
                {"type": "enqueue", "items": [{"itemId": "ad1",
                  "vod": {"renditions": {"720p": {"uris": ["a.ts", "b.ts"]}}, "segmentCount": 2,
                          "durations": [2.0, 1.5]}}]}""").getPayload()).getItems().get(0);

        assertThat(item.getKind()).isEqualTo(ItemKind.PROGRAM);
        assertThat(item.getTitle()).isNull();
        assertThat(item.getLoop()).isFalse();
        assertThat(item.getInPoint()).isNull();
        assertThat(item.getOutPoint()).isNull();
        VodSource vod = (VodSource) item.getSource();
        assertThat(vod.getRenditions().get("720p").getUriTemplate()).isNull();
        assertThat(vod.getRenditions().get("720p").getUris()).containsExactly("a.ts", "b.ts");
        assertThat(vod.getSegmentDurationMicros()).isNull();
        assertThat(vod.getDurationsMicros()).containsExactly(2_000_000L, 1_500_000L);
        assertThat(vod.getStartNumber()).isZero();
    }

    @Test
    void anItemLoopsWithContinuousTimestamps() {
        Item item = ((Enqueue) parse("""
                {"type": "enqueue", "items": [{"itemId": "slate", "kind": "filler", "loop": true,
                  "continuousTimestamps": true,
                  "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}}, "segmentCount": 1,
                          "segmentDuration": 2, "startNumber": 5}}]}""").getPayload()).getItems().get(0);

        assertThat(item.getKind()).isEqualTo(ItemKind.FILLER);
        assertThat(item.getLoop()).isTrue();
        assertThat(item.getContinuousTimestamps()).isTrue();
        assertThat(((VodSource) item.getSource()).getStartNumber()).isEqualTo(5L);
    }

    @Test
    void aLiveItem() {
        Item item = ((Enqueue) parse("""
                {"type": "enqueue", "items": [{"itemId": "news", "live": {"streamId": "news", "maxDuration": 600}},
                                              {"itemId": "feed", "live": {"streamId": "feed"}}]}""")
                .getPayload()).getItems().get(0);

        assertThat(item.getSource()).isEqualTo(new LiveSource("news", 600_000_000L));
        assertThat(((Enqueue) parse("""
                {"type": "enqueue", "items": [{"itemId": "feed", "live": {"streamId": "feed"}}]}""")
                .getPayload()).getItems().get(0).getSource()).isEqualTo(new LiveSource("feed", null));
    }

    @Test
    void secondsBecomeMicrosecondsRoundedHalfUp() {
        Item item = ((Enqueue) parse("""
                {"type": "enqueue", "items": [{"itemId": "x",
                  "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}}, "segmentCount": 4,
                          "segmentDuration": 1.9999995,
                          "durations": [2.0000005, 1.9999994, 0.000001, 3]}}]}""").getPayload()).getItems().get(0);

        VodSource vod = (VodSource) item.getSource();
        assertThat(vod.getSegmentDurationMicros()).isEqualTo(2_000_000L);
        assertThat(vod.getDurationsMicros()).containsExactly(2_000_001L, 1_999_999L, 1L, 3_000_000L);
    }

    @Test
    void replaceNowByDefault() {
        assertThat(((Replace) parse("""
                {"type": "replace", "items": [%s]}""".formatted(ITEM)).getPayload()).getWhen()).isEqualTo(When.NOW);
        assertThat(((Replace) parse("""
                {"type": "replace", "items": [%s], "when": "AFTER_CURRENT"}""".formatted(ITEM)).getPayload())
                .getWhen()).isEqualTo(When.AFTER_CURRENT);
    }

    @Test
    void interruptAsInTheDesign() {
        ChannelCommand command = parse("""
                {"type": "interrupt", "items": [%s], "priority": 20, "resume": "SKIP",
                 "effectiveAt": "2026-11-21T20:00:00Z"}""".formatted(ITEM));

        Interrupt interrupt = (Interrupt) command.getPayload();
        assertThat(interrupt.getPriority()).isEqualTo(20);
        assertThat(interrupt.getResume()).isEqualTo(ResumePolicy.SKIP);
        assertThat(command.getEffectiveAt()).isEqualTo(Instant.parse("2026-11-21T20:00:00Z"));
    }

    @Test
    void anInterruptsDefaults() {
        Interrupt interrupt = (Interrupt) parse("""
                {"type": "interrupt", "items": [%s]}""".formatted(ITEM)).getPayload();

        assertThat(interrupt.getPriority()).isEqualTo(10);
        assertThat(interrupt.getResume()).isEqualTo(ResumePolicy.RESUME);
        assertThat(((Interrupt) parse("""
                {"type": "interrupt", "items": [%s], "resume": "REPLACE"}""".formatted(ITEM)).getPayload())
                .getResume()).isEqualTo(ResumePolicy.REPLACE);
    }

    @Test
    void skipRemoveAndEnd() {
        assertThat(parse("{\"type\": \"skip\"}").getPayload()).isEqualTo(new Skip());
        assertThat(parse("{\"type\": \"remove\", \"itemId\": \"ep2\"}").getPayload()).isEqualTo(new RemoveItem("ep2"));
        assertThat(parse("{\"type\": \"end\"}").getPayload()).isEqualTo(new EndChannel(When.NOW));
        assertThat(parse("{\"type\": \"end\", \"when\": \"AFTER_CURRENT\"}").getPayload())
                .isEqualTo(new EndChannel(When.AFTER_CURRENT));
    }

    @Test
    void aGivenCommandIdIsKeptAndAMissingOneIsAUuid() {
        assertThat(parse("{\"type\": \"skip\", \"commandId\": \"c-42\"}").getCommandId()).isEqualTo("c-42");
        String generated = ChannelCommandJson.parseCommand("tv1", json("{\"type\": \"skip\"}")).getCommandId();
        assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(ChannelCommandJson.parseCommand("tv1", json("{\"type\": \"skip\"}")).getCommandId())
                .isNotEqualTo(generated);
    }

    @Test
    void effectiveAtIsAnInstantKeptToTheMillisecond() {
        assertThat(parse("{\"type\": \"skip\", \"effectiveAt\": \"2026-11-21T21:00:00.1234567+01:00\"}")
                .getEffectiveAt()).isEqualTo(Instant.parse("2026-11-21T20:00:00.123Z"));
    }

    @Test
    void typesAndEnumsIgnoreCase() {
        assertThat(parse("{\"type\": \"END\", \"when\": \"after_current\"}").getPayload())
                .isEqualTo(new EndChannel(When.AFTER_CURRENT));
    }

    @Test
    void aBodyGivenAsTextIsParsedToo() {
        assertThat(ChannelCommandJson.parseCommand("tv1", "{\"type\": \"skip\", \"commandId\": \"c1\"}"))
                .isEqualTo(new ChannelCommand("tv1", "c1", null, new Skip()));
    }

    // --- malformed bodies ---

    @Test
    void theTypeIsRequiredAndKnown() {
        rejects("{}", "type is required: one of configure, enqueue, replace, interrupt, skip, remove, end");
        rejects("{\"type\": \"pause\"}",
                "type 'pause' is not one of configure, enqueue, replace, interrupt, skip, remove, end");
        rejects("{\"type\": 3}", "type must be a string");
        rejects("{\"type\": \"alert\"}",
                "type 'alert' is not one of configure, enqueue, replace, interrupt, skip, remove, end");
    }

    @Test
    void theBodyIsAnObjectOfJson() {
        rejects("[]", "the body must be a JSON object");
        assertThatThrownBy(() -> ChannelCommandJson.parseCommand("tv1", "{\"type\": "))
                .isInstanceOf(InvalidCommandException.class).hasMessageStartingWith("the body is not valid JSON: ");
    }

    @Test
    void durationsAreNumbersOfSeconds() {
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                  "segmentCount": 1, "segmentDuration": "2s"}}]}""",
                "items[0].vod.segmentDuration must be a number of seconds");
        rejects("""
                {"type": "enqueue", "items": [%s, {"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                  "segmentCount": 2, "durations": [2, "2"]}}]}""".formatted(ITEM),
                "items[1].vod.durations[1] must be a number of seconds");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "n", "live": {"streamId": "n", "maxDuration": true}}]}""",
                "items[0].live.maxDuration must be a number of seconds");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "n", "live": {"streamId": "n", "maxDuration": 1e30}}]}""",
                "items[0].live.maxDuration is out of range");
    }

    @Test
    void integersAreWholeNumbers() {
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                  "segmentCount": 2.5, "segmentDuration": 2}}]}""", "items[0].vod.segmentCount must be an integer");
        rejects("""
                {"type": "interrupt", "items": [%s], "priority": "high"}""".formatted(ITEM),
                "priority must be an integer");
        rejects("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2500000}], "windowSize": 9999999999}""",
                "windowSize is out of range");
        assertThat(((ConfigureChannel) parse("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2.5e6}], "windowSize": 6.0}""")
                .getPayload()).getWindowSize()).isEqualTo(6);
    }

    @Test
    void unknownFieldsAreRefused() {
        rejects("""
                {"type": "enqueue", "items": [%s], "postion": "NEXT"}""".formatted(ITEM),
                "postion is not a known field; known here: channelId, commandId, effectiveAt, items, position, type");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                  "segmentCount": 1, "segmentDurations": 2}}]}""",
                "items[0].vod.segmentDurations is not a known field; known here: durations, renditions, segmentCount,"
                        + " segmentDuration, startNumber");
        rejects("{\"type\": \"skip\", \"items\": []}",
                "items is not a known field; known here: channelId, commandId, effectiveAt, type");
    }

    @Test
    void enumsTakeTheirValuesOnly() {
        rejects("""
                {"type": "enqueue", "items": [%s], "position": "LAST"}""".formatted(ITEM),
                "position must be one of END, NEXT");
        rejects("""
                {"type": "interrupt", "items": [%s], "resume": "JOIN_IN_PROGRESS"}""".formatted(ITEM),
                "resume must be one of RESUME, SKIP, REPLACE");
        rejects("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 1}], "adMarkers": "SCTE"}""",
                "adMarkers must be one of DATERANGE, CUE, BOTH, NONE");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "kind": "MOVIE", "live": {"streamId": "n"}}]}""",
                "items[0].kind must be one of PROGRAM, AD, BUMPER, PROMO, FILLER, ALERT");
    }

    @Test
    void timesAreIsoInstants() {
        rejects("{\"type\": \"skip\", \"effectiveAt\": \"tomorrow\"}",
                "effectiveAt must be an ISO-8601 instant such as 2026-11-21T20:00:00Z");
        rejects("{\"type\": \"skip\", \"effectiveAt\": 1790000000}",
                "effectiveAt must be an ISO-8601 instant such as 2026-11-21T20:00:00Z");
    }

    @Test
    void anItemHasExactlyOneSource() {
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x"}]}""", "items[0] needs a vod or a live source");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "live": {"streamId": "n"},
                  "vod": {"renditions": {}, "segmentCount": 1}}]}""", "items[0] gives both vod and live; give one");
    }

    @Test
    void requiredFieldsArePresent() {
        rejects("{\"type\": \"enqueue\"}", "items is required");
        rejects("{\"type\": \"remove\"}", "itemId is required");
        rejects("""
                {"type": "enqueue", "items": [{"live": {"streamId": "n"}}]}""", "items[0].itemId is required");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                  "segmentDuration": 2}}]}""", "items[0].vod.segmentCount is required");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"segmentCount": 1, "segmentDuration": 2}}]}""",
                "items[0].vod.renditions is required");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "live": {"maxDuration": 2}}]}""",
                "items[0].live.streamId is required");
        rejects("{\"type\": \"configure\"}", "ladder is required");
        rejects("{\"type\": \"configure\", \"ladder\": [{\"bandwidth\": 1}]}", "ladder[0].name is required");
    }

    @Test
    void shapesAreChecked() {
        rejects("{\"type\": \"enqueue\", \"items\": {}}", "items must be an array");
        rejects("{\"type\": \"enqueue\", \"items\": [\"ep1\"]}", "items[0] must be an object");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "loop": "yes", "live": {"streamId": "n"}}]}""",
                "items[0].loop must be true or false");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": "s{n}.ts"},
                  "segmentCount": 1, "segmentDuration": 2}}]}""", "items[0].vod.renditions.720p must be an object");
        rejects("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uris": ["a.ts", 2]}},
                  "segmentCount": 2, "segmentDuration": 2}}]}""", "items[0].vod.renditions.720p.uris[1] must be a string");
        rejects("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 1, "frameRate": "25"}]}""",
                "ladder[0].frameRate must be a number");
        rejects("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 1}], "filler": []}""",
                "filler must be an object");
        rejects("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 1}], "filler": {"itemId": "s"}}""",
                "filler needs a vod or a live source");
    }

    @Test
    void theBodysChannelIdIsThePaths() {
        assertThat(parse("{\"type\": \"skip\", \"channelId\": \"tv1\"}").getChannelId()).isEqualTo("tv1");
        rejects("{\"type\": \"skip\", \"channelId\": \"tv2\"}",
                "channelId in the body ('tv2') differs from the path's ('tv1'); leave it out");
    }

    @Test
    void theExceptionIsAnIllegalArgumentNamingTheField() {
        assertThatThrownBy(() -> parse("""
                {"type": "enqueue", "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                  "segmentCount": 1, "segmentDuration": "2s"}}]}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(((InvalidCommandException) e).field())
                        .isEqualTo("items[0].vod.segmentDuration"));
    }

    @Test
    void jsonNullMeansLeftOut() {
        ChannelCommand command = parse("""
                {"type": "enqueue", "items": [%s], "position": null, "commandId": null, "effectiveAt": null}"""
                .formatted(ITEM));

        assertThat(((Enqueue) command.getPayload()).getPosition()).isEqualTo(Position.END);
        assertThat(command.getCommandId()).isEqualTo("generated-1");
        assertThat(command.getEffectiveAt()).isNull();
    }

    /** A ladder entry takes a stream rendition's fields; which a type takes is the processor's rule. */
    @Test
    void aLadderEntryCarriesTheGroupFields() {
        ConfigureChannel configure = (ConfigureChannel) ChannelCommandJson.parseCommand("tv1", """
                {"type": "configure", "ladder": [
                  {"name": "720p", "bandwidth": 2500000, "audio": "aac"},
                  {"name": "audio-en", "type": "AUDIO", "groupId": "aac", "mediaName": "English", "language": "en",
                   "default": true, "channels": "2"}]}""").getPayload();

        LadderRendition audio = configure.getLadder().get(1);
        assertThat(audio.getType()).isEqualTo(org.hlspipeline.schemas.stream.RenditionType.AUDIO);
        assertThat(audio.getBandwidth()).isNull();
        assertThat(audio.getMediaName()).isEqualTo("English");
        assertThat(audio.getDefault$()).isTrue();
        assertThat(audio.getAutoselect()).isFalse();
        assertThat(configure.getLadder().get(0).getAudio()).isEqualTo("aac");
    }
}
