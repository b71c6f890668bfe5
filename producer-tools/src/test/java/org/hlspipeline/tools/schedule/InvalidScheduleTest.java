package org.hlspipeline.tools.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A schedule with anything wrong in it, wherever: one line on stderr naming the file, the line and column (or the
 * field), exit code 5, and not one command sent, not even those before the problem.
 */
class InvalidScheduleTest {

    private static final String HEAD = """
            channel: tv1
            configure:
              ladder: [{name: 720p, bandwidth: 2500000}]
            items:
              - {itemId: ep1, asset: assets/ep1.json}
            """;

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();

    @BeforeEach
    void assets() throws IOException {
        ScheduleCommandTest.writeAssets(dir);
    }

    static Stream<Arguments> invalidSchedules() {
        return Stream.of(
                Arguments.of("YAML syntax", "channel: tv1\nconfigure:\n  ladder: [\n  - x\n",
                        "line 4, column 3: not valid YAML: while parsing a flow node: expected the node content, "
                                + "but found '-'"),
                Arguments.of("a key given twice", "channel: tv1\nchannel: tv2\n",
                        "line 2, column 8: not valid YAML: Duplicate Object property \"channel\""),
                Arguments.of("an unknown top-level field", "channel: tv1\nconfigur: {}\n",
                        "line 2, column 11: configur is not a known field; known here: channel, configure, id, "
                                + "items"),
                Arguments.of("no configure", "channel: tv1\nitems: []\n",
                        "line 1, column 1: configure is required"),
                Arguments.of("a schedule id that no command id can carry", "id: tv1 evening\n" + HEAD,
                        "line 1, column 5: id must match [A-Za-z0-9][A-Za-z0-9._-]{0,127}, was 'tv1 evening'"),
                Arguments.of("items not a list", "channel: tv1\nconfigure: {ladder: []}\nitems: {itemId: ep1}\n",
                        "line 3, column 8: items must be an array"),
                Arguments.of("a field of the form with the wrong type", HEAD
                                + "  - {itemId: ep2, asset: assets/ep2.json, loop: sometimes}\n",
                        "line 6, column 49: items[1].loop must be true or false"),
                Arguments.of("an unknown item field", HEAD + "  - {itemId: ep2, asset: assets/ep2.json, at: 1}\n",
                        "line 6, column 47: items[1].at is not a known field; known here: asset, continuousTimestamps,"
                                + " in, interrupt, itemId, kind, live, loop, out, start, title, vod"),
                Arguments.of("an asset and a vod", HEAD + "  - itemId: ep2\n    asset: assets/ep2.json\n"
                                + "    vod: {segmentCount: 1}\n",
                        "line 7, column 12: items[1] gives asset and vod; give one source"),
                Arguments.of("a missing asset file", HEAD + "  - {itemId: ep2, asset: assets/ep9.json}\n",
                        "line 6, column 26: items[1].asset: %s does not exist".formatted(
                                "{dir}/assets/ep9.json")),
                Arguments.of("a start that is no instant", HEAD
                                + "  - {itemId: ep2, asset: assets/ep2.json, start: 8pm}\n",
                        "line 6, column 50: items[1].start must be an ISO-8601 instant such as 2026-11-21T20:00:00Z"),
                Arguments.of("starts out of order", HEAD
                                + "  - {itemId: a, asset: assets/ep2.json, start: 2099-01-01T10:00:00Z}\n"
                                + "  - {itemId: b, asset: assets/ep2.json, start: 2099-01-01T09:00:00Z}\n",
                        "line 7, column 48: items[2].start 2099-01-01T09:00:00Z is not after items[1].start "
                                + "2099-01-01T10:00:00Z: list timed items in the order they start"),
                Arguments.of("an interrupt without a start", HEAD
                                + "  - {itemId: a, asset: assets/ep2.json, interrupt: {priority: 20}}\n",
                        "line 6, column 52: items[1] interrupts, so it needs a start: the time it cuts in"),
                Arguments.of("a missing field of the form, in a later command", HEAD
                                + "  - itemId: news\n    start: 2099-01-01T10:00:00Z\n    asset: assets/news.json\n"
                                + "  - itemId: ep2\n    vod: {renditions: {720p: {uriTemplate: 's{n}.ts'}}, "
                                + "segmentDuration: 2}\n",
                        "line 10, column 10: items[2].vod.segmentCount is required"),
                Arguments.of("an item without the ladder's rendition (the processor's rule)", HEAD
                                + "  - itemId: ep2\n    vod: {renditions: {480p: {uriTemplate: 's{n}.ts'}}, "
                                + "segmentCount: 2, segmentDuration: 2}\n",
                        "line 6, column 5: items[1] \"ep2\": rendition 720p of the ladder is missing"),
                Arguments.of("segments longer than the target duration (the processor's rule)",
                        HEAD.replace("configure:\n", "configure:\n  targetDuration: 1\n"),
                        "line 6, column 5: items[0] \"ep1\": segments last 2 s, which rounds to 2 s, more than the "
                                + "channel's target duration of 1 s (EXTINF may not exceed EXT-X-TARGETDURATION)"),
                Arguments.of("a window size out of range (the processor's rule)",
                        HEAD.replace("configure:\n", "configure:\n  windowSize: 0\n"),
                        "line 3, column 15: configure.windowSize must be 1 to 1000 (got 0)"),
                Arguments.of("an interrupt's priority, in the last command", HEAD
                                + "  - {itemId: a, asset: assets/ep2.json, start: 2099-01-01T10:00:00Z,\n"
                                + "     interrupt: {priority: 0}}\n",
                        "line 7, column 28: items[1].interrupt.priority must be at least 1 (got 0)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchedules")
    void isRefusedWithItsPlaceAndNothingIsSent(String what, String yaml, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);

        ToolRun run = ToolRun.run(publisher, "schedule", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("producer-tools schedule: " + file + " "
                + expected.replace("{dir}", dir.toString()) + System.lineSeparator());
        assertThat(publisher.opened).isEmpty();
        assertThat(publisher.sent).isEmpty();
    }

    @Test
    void aProblemInAnAssetDescriptorNamesTheDescriptorsLineAndWhereTheScheduleNamesIt() throws IOException {
        Files.writeString(dir.resolve("assets/broken.json"), "{\n  \"renditions\": {},\n  \"segmentCount\": \"x\"\n}");
        Path file = Files.writeString(dir.resolve("bad.yaml"), HEAD + "  - {itemId: ep2, asset: assets/broken.json}\n");

        ToolRun run = ToolRun.run(publisher, "schedule", file.toString(), "--dry-run");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).isEqualTo("producer-tools schedule: " + dir.resolve("assets/broken.json")
                + " line 3, column 19 (the asset of items[1], " + file + " line 6, column 26): segmentCount must be "
                + "an integer" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingUnreadableOrEmptyFiles() throws IOException {
        ToolRun missing = ToolRun.run(publisher, "schedule", dir.resolve("nope.yaml").toString());
        ToolRun empty = ToolRun.run(publisher, "schedule", Files.writeString(dir.resolve("e.yaml"), "").toString());
        ToolRun folder = ToolRun.run(publisher, "schedule", dir.toString());
        ToolRun notAMapping = ToolRun.run(publisher, "schedule",
                Files.writeString(dir.resolve("l.yaml"), "- a\n- b\n").toString());

        assertThat(missing.err()).isEqualTo("producer-tools schedule: " + dir.resolve("nope.yaml")
                + " does not exist" + System.lineSeparator());
        assertThat(empty.err()).startsWith("producer-tools schedule: " + dir.resolve("e.yaml") + " is empty");
        assertThat(folder.err()).startsWith("producer-tools schedule: cannot read " + dir + ": it is a folder");
        assertThat(notAMapping.err()).startsWith("producer-tools schedule: " + dir.resolve("l.yaml")
                + " line 1, column 1: a schedule is a mapping with channel, configure and items");
        assertThat(java.util.List.of(missing, empty, folder, notAMapping))
                .allSatisfy(run -> assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT));
        assertThat(publisher.opened).isEmpty();
    }

    @Test
    void theChannelMustBeNamedOnceAndAgree() throws IOException {
        Path named = Files.writeString(dir.resolve("tv1.yaml"), HEAD);
        Path unnamed = Files.writeString(dir.resolve("any.yaml"), HEAD.replace("channel: tv1\n", ""));

        ToolRun differs = ToolRun.run(publisher, "schedule", named.toString(), "--channel", "tv2");
        ToolRun none = ToolRun.run(publisher, "schedule", unnamed.toString());
        ToolRun badFlag = ToolRun.run(publisher, "schedule", unnamed.toString(), "--channel", "tv 2");

        assertThat(differs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(differs.err()).startsWith("producer-tools schedule: --channel tv2 differs from the schedule's "
                + "channel tv1 (" + named + " line 1, column 10)");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).startsWith("producer-tools schedule: " + unnamed + " names no channel");
        assertThat(badFlag.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badFlag.err()).startsWith("producer-tools schedule: --channel must match");
        assertThat(publisher.opened).isEmpty();
    }
}
