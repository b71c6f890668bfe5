package org.hlspipeline.tools.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.ConfigureChannel;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.LadderRendition;
import org.hlspipeline.schemas.channel.LiveSource;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.Replace;
import org.hlspipeline.schemas.channel.ResumePolicy;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.channel.When;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.Delivery;
import org.hlspipeline.tools.publish.PublishException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A schedule file becomes its channel commands, in order; a dry run shows exactly what a run sends. */
class ScheduleCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NEWS = Instant.parse("2099-11-21T20:00:00Z");
    private static final Instant FLASH = Instant.parse("2099-11-21T21:00:00Z");

    static final String YAML = """
            # The evening on tv1.
            channel: tv1
            id: tv1-evening
            configure:
              targetDuration: 2
              windowSize: 8
              ladder:
                - {name: 720p, bandwidth: 2500000, resolution: 1280x720, codecs: "avc1.4d401f,mp4a.40.2"}
              filler: {itemId: slate, kind: FILLER, title: Back soon, asset: assets/slate.json}
            items:
              - itemId: ep1
                title: Episode 1
                asset: assets/ep1.json
              - {itemId: ad1, kind: AD, asset: assets/ad.json}
              - itemId: news
                title: Evening news
                start: 2099-11-21T20:00:00Z
                asset: assets/news.json
              - {itemId: ep2, title: Episode 2, asset: assets/ep2.json, in: 1, out: 3}
              - itemId: flash
                title: Weather flash
                start: 2099-11-21T21:00:00Z
                interrupt: {priority: 20, resume: SKIP}
                live: {streamId: weather, maxDuration: 60}
            """;

    static final String JSON_SCHEDULE = """
            {"channel": "tv1", "id": "tv1-evening",
             "configure": {"targetDuration": 2, "windowSize": 8,
                           "ladder": [{"name": "720p", "bandwidth": 2500000, "resolution": "1280x720",
                                       "codecs": "avc1.4d401f,mp4a.40.2"}],
                           "filler": {"itemId": "slate", "kind": "FILLER", "title": "Back soon",
                                      "asset": "assets/slate.json"}},
             "items": [
               {"itemId": "ep1", "title": "Episode 1", "asset": "assets/ep1.json"},
               {"itemId": "ad1", "kind": "AD", "asset": "assets/ad.json"},
               {"itemId": "news", "title": "Evening news", "start": "2099-11-21T20:00:00Z",
                "asset": "assets/news.json"},
               {"itemId": "ep2", "title": "Episode 2", "asset": "assets/ep2.json", "in": 1, "out": 3},
               {"itemId": "flash", "title": "Weather flash", "start": "2099-11-21T21:00:00Z",
                "interrupt": {"priority": 20, "resume": "SKIP"}, "live": {"streamId": "weather", "maxDuration": 60}}
             ]}
            """;

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher()
            .answering(new Delivery("hls.channel-commands", 1, 7));

    /** Asset descriptors as `asset import` writes them, one 720p rendition of 2 s segments. */
    static void writeAssets(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("assets"));
        for (String asset : List.of("slate", "ep1", "ad", "news", "ep2")) {
            Files.writeString(dir.resolve("assets/" + asset + ".json"), """
                    {
                      "renditions" : { "720p" : { "uriTemplate" : "https://cdn.example/%s/720p/seg{n}.ts" } },
                      "segmentCount" : 4,
                      "segmentDuration" : 2,
                      "startNumber" : 0
                    }
                    """.formatted(asset));
        }
    }

    @BeforeEach
    void assets() throws IOException {
        writeAssets(dir);
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static Item vod(String id, ItemKind kind, String title) {
        Map<String, RenditionSource> renditions = new LinkedHashMap<>();
        renditions.put("720p", RenditionSource.newBuilder()
                .setUriTemplate("https://cdn.example/" + id + "/720p/seg{n}.ts").setUris(new ArrayList<>()).build());
        return new Item(id, kind, title, new VodSource(renditions, 4, 2_000_000L, new ArrayList<>(), 0L), null, null,
                false, false);
    }

    private List<ChannelCommand> sent() {
        assertThat(publisher.sent).allSatisfy(s -> {
            assertThat(s.topic()).isEqualTo("hls.channel-commands");
            assertThat(s.key()).isEqualTo("tv1");
        });
        return publisher.sent.stream().map(s -> (ChannelCommand) s.value()).toList();
    }

    @Test
    void aYamlScheduleBecomesConfigureEnqueueReplaceAndInterruptInThatOrder() throws IOException {
        ToolRun run = ToolRun.run(publisher, "schedule", file("tv1.yaml", YAML));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        List<ChannelCommand> commands = sent();
        assertThat(commands).hasSize(4);

        Item slate = vod("slate", ItemKind.FILLER, "Back soon");
        assertThat(commands.get(0).getEffectiveAt()).isNull();
        assertThat(commands.get(0).getPayload()).isEqualTo(new ConfigureChannel(new ArrayList<>(List.of(
                LadderRendition.newBuilder().setName("720p").setBandwidth(2_500_000L).setResolution("1280x720")
                        .setCodecs("avc1.4d401f,mp4a.40.2").build())),
                8, 2, slate, null, null));

        Item ad = vod("ad", ItemKind.AD, null);
        ad.setItemId("ad1");
        assertThat(commands.get(1).getEffectiveAt()).isNull();
        assertThat(commands.get(1).getPayload()).isEqualTo(new Enqueue(new ArrayList<>(List.of(
                vod("ep1", ItemKind.PROGRAM, "Episode 1"), ad)), Position.END));

        Item ep2 = vod("ep2", ItemKind.PROGRAM, "Episode 2");
        ep2.setInPoint(1);
        ep2.setOutPoint(3);
        assertThat(commands.get(2).getEffectiveAt()).isEqualTo(NEWS);
        assertThat(commands.get(2).getPayload()).isEqualTo(new Replace(new ArrayList<>(List.of(
                vod("news", ItemKind.PROGRAM, "Evening news"), ep2)), When.NOW));

        assertThat(commands.get(3).getEffectiveAt()).isEqualTo(FLASH);
        assertThat(commands.get(3).getPayload()).isEqualTo(new Interrupt(new ArrayList<>(List.of(
                new Item("flash", ItemKind.PROGRAM, "Weather flash", new LiveSource("weather", 60_000_000L), null,
                        null, false, false))), 20, ResumePolicy.SKIP));

        assertThat(commands).extracting(ChannelCommand::getCommandId)
                .allSatisfy(id -> assertThat(id).matches("tv1-evening\\.[0-3]\\.[0-9a-f]{12}"));
        assertThat(run.outLines()).hasSize(5);
        assertThat(run.outLines().get(0)).isEqualTo("sent configure " + commands.get(0).getCommandId()
                + " to hls.channel-commands[1]@7");
        assertThat(run.outLines().get(3)).startsWith("sent interrupt " + commands.get(3).getCommandId());
        assertThat(run.outLines().get(4)).isEqualTo("applied " + dir.resolve("tv1.yaml") + " to channel tv1: "
                + "4 commands");
    }

    @Test
    void theSameScheduleInJsonMakesTheSameCommands() throws IOException {
        ToolRun yaml = ToolRun.run(publisher, "schedule", file("tv1.yaml", YAML));
        List<ChannelCommand> fromYaml = List.copyOf(sent());
        publisher.sent.clear();
        ToolRun json = ToolRun.run(publisher, "schedule", file("tv1.json", JSON_SCHEDULE));

        assertThat(yaml.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(json.exitCode()).as(json.err()).isEqualTo(ExitCodes.OK);
        assertThat(sent()).isEqualTo(fromYaml);
    }

    @Test
    void aDryRunPrintsTheFormsOfExactlyTheCommandsARunSendsAndSendsNothing() throws IOException {
        String schedule = file("tv1.yaml", YAML);

        ToolRun dryRun = ToolRun.run(publisher, "schedule", schedule, "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isEqualTo(ExitCodes.OK);
        assertThat(publisher.opened).isEmpty();
        ToolRun run = ToolRun.run(publisher, "schedule", schedule);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);

        List<ChannelCommand> printed = new ArrayList<>();
        for (String line : dryRun.outLines()) {
            JsonNode form = JSON.readTree(line);
            printed.add(ChannelCommandJson.parseCommand(form.get("channelId").asString(), form,
                    () -> "no id was printed"));
        }
        assertThat(printed).isEqualTo(sent());
    }

    @Test
    void withAnIdTheSameFileGivesTheSameCommandIdsAndAnEditedCommandANewOne() throws IOException {
        List<String> first = ids(ToolRun.run(publisher, "schedule", file("tv1.yaml", YAML), "--dry-run"));
        List<String> again = ids(ToolRun.run(publisher, "schedule", file("tv1.yaml", YAML), "--dry-run"));
        List<String> edited = ids(ToolRun.run(publisher, "schedule",
                file("tv1.yaml", YAML.replace("title: Evening news", "title: Late news")), "--dry-run"));
        List<String> noId = ids(ToolRun.run(publisher, "schedule",
                file("tv1.yaml", YAML.replace("id: tv1-evening\n", "")), "--dry-run"));
        List<String> noIdAgain = ids(ToolRun.run(publisher, "schedule",
                file("tv1.yaml", YAML.replace("id: tv1-evening\n", "")), "--dry-run"));

        assertThat(again).isEqualTo(first);
        assertThat(edited.get(2)).as("the replace holding the news").isNotEqualTo(first.get(2));
        assertThat(List.of(edited.get(0), edited.get(1), edited.get(3)))
                .isEqualTo(List.of(first.get(0), first.get(1), first.get(3)));
        assertThat(noId).allSatisfy(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(noIdAgain).doesNotContainAnyElementsOf(noId);
    }

    private static List<String> ids(ToolRun run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        return run.outLines().stream().map(line -> JSON.readTree(line).get("commandId").asString()).toList();
    }

    @Test
    void aScheduleWithoutTimedItemsIsAConfigureAndOneEnqueueAndTheChannelMayComeFromTheFlag() throws IOException {
        ToolRun run = ToolRun.run(publisher, "schedule", "--channel", "tv1", file("plain.yaml", """
                configure:
                  ladder: [{name: 720p, bandwidth: 2500000}]
                items:
                  - {itemId: ep1, asset: assets/ep1.json}
                  - {itemId: ep2, asset: assets/ep2.json, loop: true}
                """));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(sent()).extracting(c -> c.getPayload().getClass().getSimpleName())
                .containsExactly("ConfigureChannel", "Enqueue");
        assertThat(((Enqueue) sent().get(1).getPayload()).getItems().get(1).getLoop()).isTrue();
    }

    @Test
    void aConfigurationEffectiveLaterTakesTheFirstItemsWithIt() throws IOException {
        ToolRun run = ToolRun.run(publisher, "schedule", file("later.yaml", """
                channel: tv1
                configure:
                  effectiveAt: 2099-11-21T19:00:00Z
                  ladder: [{name: 720p, bandwidth: 2500000}]
                items:
                  - {itemId: ep1, asset: assets/ep1.json}
                """));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(sent()).extracting(ChannelCommand::getEffectiveAt)
                .containsExactly(Instant.parse("2099-11-21T19:00:00Z"), Instant.parse("2099-11-21T19:00:00Z"));
    }

    @Test
    void aScheduleFromStdinResolvesAssetsFromTheWorkingFolderOrAbsolutePaths() {
        String yaml = YAML.replace("assets/", dir.resolve("assets") + "/");

        ToolRun run = ToolRun.withStdin(publisher, yaml, "schedule", "-", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).hasSize(4);
    }

    @Test
    void aStartThatHasPassedIsSentWithANote() throws IOException {
        ToolRun run = ToolRun.run(publisher, "schedule", file("past.yaml", YAML
                .replace("2099-11-21T20:00:00Z", "2001-11-21T20:00:00Z")
                .replace("2099-11-21T21:00:00Z", "2001-11-21T21:00:00Z")));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("producer-tools schedule: note: items[2] (news) starts at "
                + "2001-11-21T20:00:00Z, which has passed: it takes effect on receipt");
        assertThat(sent()).hasSize(4);
    }

    @Test
    void aFailureHalfwaySaysHowManyCommandsWereSent() throws IOException {
        RecordingPublisher failing = new RecordingPublisher().failingAfter(2, new PublishException(
                PublishException.Failure.UNAVAILABLE, "no answer from Kafka at 127.0.0.1:9092 within 20 s"));

        ToolRun run = ToolRun.run(failing, "schedule", file("tv1.yaml", YAML));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(run.outLines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("sent "));
        assertThat(run.err()).isEqualTo("producer-tools schedule: sent 2 of 4 records before the failure below; the "
                + "others were not sent" + System.lineSeparator()
                + "producer-tools schedule: no answer from Kafka at 127.0.0.1:9092 within 20 s"
                + System.lineSeparator());
        assertThat(failing.closed).isEqualTo(1);
    }
}
