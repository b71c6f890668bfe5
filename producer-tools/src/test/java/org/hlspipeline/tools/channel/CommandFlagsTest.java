package org.hlspipeline.tools.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.AdMarkers;
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
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.hlspipeline.tools.publish.Delivery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every channel command from flags: the record sent, its topic and key, and what is printed. */
class CommandFlagsTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher()
            .answering(new Delivery("hls.channel-commands", 2, 40));
    private String asset;

    @BeforeEach
    void writeAsset() throws IOException {
        // What `asset import` writes for a two-rendition asset of three 2 s segments.
        asset = Files.writeString(dir.resolve("ep1.json"), """
                {
                  "renditions" : {
                    "720p" : { "uriTemplate" : "https://cdn.example/ep1/720p/seg{n}.ts" },
                    "480p" : { "uris" : [ "a.ts", "b.ts", "c.ts" ] }
                  },
                  "segmentCount" : 3,
                  "segmentDuration" : 2.002,
                  "startNumber" : 0
                }
                """).toString();
    }

    static Item ep1(String title, ItemKind kind) {
        Map<String, RenditionSource> renditions = new LinkedHashMap<>();
        renditions.put("720p", RenditionSource.newBuilder().setUriTemplate("https://cdn.example/ep1/720p/seg{n}.ts")
                .setUris(new ArrayList<>()).build());
        renditions.put("480p", RenditionSource.newBuilder()
                .setUris(new ArrayList<>(List.of("a.ts", "b.ts", "c.ts"))).build());
        return new Item("ep1", kind, title, new VodSource(renditions, 3, 2_002_000L, new ArrayList<>(), 0L), null,
                null, false, false);
    }

    private ChannelCommand sentCommand() {
        assertThat(publisher.sent).hasSize(1);
        assertThat(publisher.sent.get(0).topic()).isEqualTo("hls.channel-commands");
        assertThat(publisher.sent.get(0).key()).isEqualTo("tv1");
        return (ChannelCommand) publisher.sent.get(0).value();
    }

    @Test
    void skipPrintsTheGeneratedCommandIdAndSendsItKeyedByChannel() {
        ToolRun run = ToolRun.run(publisher, "command", "skip", "--channel", "tv1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        ChannelCommand command = sentCommand();
        assertThat(command.getPayload()).isEqualTo(new Skip());
        assertThat(command.getChannelId()).isEqualTo("tv1");
        assertThat(command.getCommandId()).matches("[0-9a-f-]{36}");
        assertThat(run.out()).isEqualTo(command.getCommandId() + System.lineSeparator());
        assertThat(publisher.closed).isEqualTo(1);
    }

    @Test
    void removeAndEndWithTheirOptionsAndAGivenIdAndTime() {
        ToolRun remove = ToolRun.run(publisher, "command", "remove", "--channel", "tv1", "--item", "ep2",
                "--command-id", "rm-1", "--effective-at", "2026-11-21T20:00:00.123456Z");

        assertThat(remove.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(sentCommand()).isEqualTo(new ChannelCommand("tv1", "rm-1",
                Instant.parse("2026-11-21T20:00:00.123Z"), new RemoveItem("ep2")));
        publisher.sent.clear();

        ToolRun end = ToolRun.run(publisher, "command", "end", "--channel", "tv1", "--when", "AFTER_CURRENT",
                "--command-id", "end-1");
        assertThat(end.out()).isEqualTo("end-1" + System.lineSeparator());
        assertThat(sentCommand()).isEqualTo(new ChannelCommand("tv1", "end-1", null,
                new EndChannel(When.AFTER_CURRENT)));
    }

    @Test
    void configureWithALadderAFillerAssetAndEverySetting() {
        ToolRun run = ToolRun.run(publisher, "command", "configure", "--channel", "tv1", "--command-id", "cfg",
                "--rendition", "720p:2500000:1280x720:avc1.4d401f,mp4a.40.2:25",
                "--rendition", "480p:1000000::avc1.4d401e,mp4a.40.2",
                "--window-size", "8", "--target-duration", "4", "--filler", asset, "--filler-id", "slate",
                "--filler-title", "Back soon", "--no-program-date-time", "--ad-markers", "cue");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Item slate = ep1("Back soon", ItemKind.FILLER);
        slate.setItemId("slate");
        assertThat(sentCommand()).isEqualTo(new ChannelCommand("tv1", "cfg", null, new ConfigureChannel(
                new ArrayList<>(List.of(
                        LadderRendition.newBuilder().setName("720p").setBandwidth(2_500_000L)
                                .setResolution("1280x720").setCodecs("avc1.4d401f,mp4a.40.2")
                                .setFrameRate(25.0).build(),
                        LadderRendition.newBuilder().setName("480p").setBandwidth(1_000_000L)
                                .setCodecs("avc1.4d401e,mp4a.40.2").build())),
                8, 4, slate, false, AdMarkers.CUE)));
    }

    @Test
    void enqueueItemsFromAnAssetDescriptorAndALiveStreamInOrder() {
        ToolRun run = ToolRun.run(publisher, "command", "enqueue", "--channel", "tv1", "--command-id", "q1",
                "--item", "ep1", "--title", "Episode 1", "--asset", asset,
                "--item", "news", "--kind", "PROGRAM", "--live", "news-live", "--max-duration", "600",
                "--position", "NEXT");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        Item live = new Item("news", ItemKind.PROGRAM, null, new LiveSource("news-live", 600_000_000L), null, null,
                false, false);
        assertThat(sentCommand()).isEqualTo(new ChannelCommand("tv1", "q1", null,
                new Enqueue(new ArrayList<>(List.of(ep1("Episode 1", ItemKind.PROGRAM), live)), Position.NEXT)));
    }

    @Test
    void replaceAndInterruptWithTheirPolicies() {
        ToolRun replace = ToolRun.run(publisher, "command", "replace", "--channel", "tv1", "--command-id", "r1",
                "--when", "AFTER_CURRENT", "--item", "ep1", "--kind", "AD", "--asset", asset, "--in", "1", "--out", "3",
                "--loop");
        assertThat(replace.exitCode()).as(replace.err()).isEqualTo(ExitCodes.OK);
        Item cut = ep1(null, ItemKind.AD);
        cut.setInPoint(1);
        cut.setOutPoint(3);
        cut.setLoop(true);
        assertThat(sentCommand().getPayload()).isEqualTo(new Replace(new ArrayList<>(List.of(cut)),
                When.AFTER_CURRENT));
        publisher.sent.clear();

        ToolRun interrupt = ToolRun.run(publisher, "command", "interrupt", "--channel", "tv1",
                "--effective-at", "2026-11-21T20:00:00Z", "--priority", "20", "--resume", "SKIP",
                "--item", "ep1", "--asset", asset);
        assertThat(interrupt.exitCode()).as(interrupt.err()).isEqualTo(ExitCodes.OK);
        ChannelCommand command = sentCommand();
        assertThat(command.getEffectiveAt()).isEqualTo(Instant.parse("2026-11-21T20:00:00Z"));
        assertThat(command.getPayload()).isEqualTo(new Interrupt(
                new ArrayList<>(List.of(ep1(null, ItemKind.PROGRAM))), 20, ResumePolicy.SKIP));
    }

    @Test
    void dryRunPrintsTheFormAndSendsNothing() {
        ToolRun run = ToolRun.run(publisher, "command", "remove", "--channel", "tv1", "--item", "ep2",
                "--command-id", "rm-1", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("{\"type\":\"remove\",\"channelId\":\"tv1\",\"commandId\":\"rm-1\","
                + "\"itemId\":\"ep2\"}" + System.lineSeparator());
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void badFlagsAreUsageErrorsAndNothingIsSent() {
        ToolRun badWhen = ToolRun.run(publisher, "command", "end", "--channel", "tv1", "--when", "LATER");
        ToolRun badChannel = ToolRun.run(publisher, "command", "skip", "--channel", "tv 1");
        ToolRun noSource = ToolRun.run(publisher, "command", "enqueue", "--channel", "tv1", "--item", "ep1");
        ToolRun badPriority = ToolRun.run(publisher, "command", "interrupt", "--channel", "tv1", "--priority", "0",
                "--item", "ep1", "--asset", asset);
        ToolRun badRung = ToolRun.run(publisher, "command", "configure", "--channel", "tv1", "--rendition", "720p");
        ToolRun misplaced = ToolRun.run(publisher, "command", "--channel", "tv1", "skip");

        assertThat(List.of(badWhen, badChannel, noSource, badPriority, badRung, misplaced))
                .allSatisfy(run -> {
                    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
                    assertThat(run.err()).doesNotContain("\tat ");
                });
        assertThat(badWhen.err()).startsWith("producer-tools command end: when must be one of NOW, AFTER_CURRENT");
        assertThat(badChannel.err()).startsWith("producer-tools command skip: channelId must match");
        assertThat(noSource.err()).startsWith("producer-tools command enqueue: item ep1: give either --asset <file> "
                + "or --live <stream-id>");
        assertThat(badPriority.err()).startsWith("producer-tools command interrupt: priority must be at least 1");
        assertThat(badRung.err()).contains("'720p' is not name:bandwidth[:resolution[:codecs[:frame-rate]]]");
        assertThat(misplaced.err()).startsWith("producer-tools command skip: the options before 'skip' (--channel) "
                + "belong to 'command --file'; give them after 'skip'");
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void aProblemInAnAssetFileIsBadInputNamingTheFileAndLine() throws IOException {
        String broken = Files.writeString(dir.resolve("broken.json"), """
                {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                 "segmentCount": 3, "segmentDuration": "two"}""").toString();

        ToolRun run = ToolRun.run(publisher, "command", "enqueue", "--channel", "tv1", "--item", "ep1",
                "--asset", broken);
        ToolRun missing = ToolRun.run(publisher, "command", "enqueue", "--channel", "tv1", "--item", "ep1",
                "--asset", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).isEqualTo("producer-tools command enqueue: " + broken + " line 2, column 40 (the "
                + "--asset of item ep1): segmentDuration must be a number of seconds" + System.lineSeparator());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.err()).startsWith("producer-tools command enqueue: " + dir.resolve("nope.json")
                + " does not exist");
        assertThat(publisher.opened).isEmpty();
    }
}
