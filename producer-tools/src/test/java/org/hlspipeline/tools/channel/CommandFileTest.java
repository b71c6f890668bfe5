package org.hlspipeline.tools.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.Skip;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel command given as its JSON form in a file (see docs/architecture.md, Command forms and producer-tools),
 * exactly as the HTTP API takes it.
 */
class CommandFileTest {

    private static final String ENQUEUE = """
            {"type": "enqueue", "commandId": "q1", "position": "NEXT",
             "items": [{"itemId": "ep1", "title": "Episode 1",
                        "vod": {"renditions": {"720p": {"uriTemplate": "https://cdn.example/ep1/720p/seg{n}.ts"},
                                               "480p": {"uris": ["a.ts", "b.ts", "c.ts"]}},
                                "segmentCount": 3, "segmentDuration": 2.002}}]}
            """;

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void theFileIsReadAsTheHttpApiReadsItAndSentKeyedByChannel() throws IOException {
        ToolRun run = ToolRun.run(publisher, "command", "--channel", "tv1", "--file", file("enqueue.json", ENQUEUE));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("q1" + System.lineSeparator());
        assertThat(publisher.sent).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("hls.channel-commands");
            assertThat(sent.key()).isEqualTo("tv1");
            assertThat(sent.value()).isEqualTo(ChannelCommandJson.parseCommand("tv1", ENQUEUE))
                    .isEqualTo(new ChannelCommand("tv1", "q1", null, new Enqueue(
                            new ArrayList<>(List.of(CommandFlagsTest.ep1("Episode 1", ItemKind.PROGRAM))),
                            Position.NEXT)));
        });
    }

    @Test
    void theChannelMayComeFromTheFileAndTheFileFromStdin() {
        ToolRun run = ToolRun.withStdin(publisher, "{\"type\": \"skip\", \"channelId\": \"tv2\", \"commandId\": \"s1\"}",
                "command", "--file", "-");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(publisher.sent.get(0).key()).isEqualTo("tv2");
        assertThat(publisher.sent.get(0).value()).isEqualTo(new ChannelCommand("tv2", "s1", null, new Skip()));
    }

    @Test
    void aDryRunPrintsTheFormWithItsDefaultsWhichReadsBackToTheSameCommand() throws IOException {
        ToolRun run = ToolRun.run(publisher, "command", "--channel", "tv1", "--dry-run",
                "--file", file("enqueue.json", ENQUEUE.replace("\"position\": \"NEXT\",", "")));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("\"position\":\"END\"").contains("\"kind\":\"PROGRAM\"");
        assertThat(ChannelCommandJson.parseCommand("tv1", run.out()))
                .isEqualTo(ChannelCommandJson.parseCommand("tv1", ENQUEUE.replace("\"NEXT\"", "\"END\"")));
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void aMalformedOrInvalidFileIsBadInputWithItsLineAndNothingIsSent() throws IOException {
        ToolRun malformed = ToolRun.run(publisher, "command", "--channel", "tv1",
                "--file", file("a.json", "{\"type\": \"skip\",\n \"commandId\": }"));
        ToolRun unknownType = ToolRun.run(publisher, "command", "--channel", "tv1",
                "--file", file("b.json", "{\n  \"type\": \"pause\"\n}"));
        ToolRun badItem = ToolRun.run(publisher, "command", "--channel", "tv1",
                "--file", file("c.json", ENQUEUE.replace("\"segmentCount\": 3", "\"segmentCount\": 0")));
        ToolRun missing = ToolRun.run(publisher, "command", "--channel", "tv1",
                "--file", dir.resolve("missing.json").toString());
        ToolRun notAnObject = ToolRun.run(publisher, "command", "--channel", "tv1", "--file", file("d.json", "[]"));

        assertThat(List.of(malformed, unknownType, badItem, missing, notAnObject)).allSatisfy(run -> {
            assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        });
        assertThat(malformed.err()).startsWith("producer-tools command: " + dir.resolve("a.json")
                + " line 2, column 15: not valid JSON: Unexpected character ('}'");
        assertThat(unknownType.err()).isEqualTo("producer-tools command: " + dir.resolve("b.json")
                + " line 2, column 11: type 'pause' is not one of configure, enqueue, replace, interrupt, skip, "
                + "remove, end" + System.lineSeparator());
        assertThat(badItem.err()).startsWith("producer-tools command: " + dir.resolve("c.json")
                + " line 2, column 12: items[0] \"ep1\": vod.segmentCount must be at least 1 (got 0)");
        assertThat(missing.err()).startsWith("producer-tools command: " + dir.resolve("missing.json")
                + " does not exist");
        assertThat(notAnObject.err()).contains("a command is a JSON object");
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void theChannelIsNeededAndMustAgreeWithTheFile() throws IOException {
        String skip = file("skip.json", "{\"type\": \"skip\", \"channelId\": \"tv2\"}");

        ToolRun differs = ToolRun.run(publisher, "command", "--channel", "tv1", "--file", skip);
        ToolRun none = ToolRun.run(publisher, "command", "--file", file("bare.json", "{\"type\": \"skip\"}"));
        ToolRun nothing = ToolRun.run(publisher, "command");

        assertThat(differs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(differs.err()).startsWith("producer-tools command: --channel tv1 differs from the file's channelId"
                + " tv2");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("producer-tools command: --channel is required when the file gives no");
        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).startsWith("producer-tools command: give a command (configure, enqueue,");
        assertThat(publisher.opened).isEmpty();
    }
}
