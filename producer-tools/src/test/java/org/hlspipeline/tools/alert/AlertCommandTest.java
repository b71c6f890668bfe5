package org.hlspipeline.tools.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.hlspipeline.schemas.channel.Item;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.RenditionSource;
import org.hlspipeline.schemas.channel.VodSource;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.tools.RecordingPublisher;
import org.hlspipeline.tools.ToolRun;
import org.hlspipeline.tools.cli.ExitCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerts and their cancellation, from flags or a JSON file, to hls.broadcasts keyed by the alert id. */
class AlertCommandTest {

    @TempDir
    Path dir;

    private final RecordingPublisher publisher = new RecordingPublisher();
    private String asset;

    @BeforeEach
    void writeAsset() throws IOException {
        asset = Files.writeString(dir.resolve("storm.json"), """
                {"renditions": {"720p": {"uriTemplate": "https://cdn.example/storm/720p/seg{n}.ts"}},
                 "segmentCount": 5, "segmentDuration": 2}""").toString();
    }

    private static Item storm() {
        Map<String, RenditionSource> renditions = new LinkedHashMap<>();
        renditions.put("720p", RenditionSource.newBuilder().setUriTemplate("https://cdn.example/storm/720p/seg{n}.ts")
                .setUris(new ArrayList<>()).build());
        return new Item("storm", ItemKind.ALERT, "Storm warning",
                new VodSource(renditions, 5, 2_000_000L, new ArrayList<>(), 0L), null, null, true, false);
    }

    @Test
    void anAlertFromFlagsIsSentKeyedByItsIdAndItsIdPrinted() {
        ToolRun run = ToolRun.run(publisher, "alert", "--alert-id", "storm-1", "--channels", "tv1,tv2",
                "--priority", "200", "--start-at", "2026-11-21T20:00:00Z", "--duration", "12.5",
                "--after", "JOIN_IN_PROGRESS",
                "--item", "storm", "--kind", "ALERT", "--title", "Storm warning", "--asset", asset, "--loop");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).isEqualTo("storm-1" + System.lineSeparator());
        assertThat(publisher.sent).singleElement().satisfies(sent -> {
            assertThat(sent.topic()).isEqualTo("hls.broadcasts");
            assertThat(sent.key()).isEqualTo("storm-1");
            assertThat(sent.value()).isEqualTo(new Broadcast("storm-1", new Alert(
                    new ArrayList<>(List.of("tv1", "tv2")), 200, Instant.parse("2026-11-21T20:00:00Z"), 12_500_000L,
                    new ArrayList<>(List.of(storm())), AfterAlert.JOIN_IN_PROGRESS)));
        });
    }

    @Test
    void theDefaultsAreTheHttpApisAndTheTopicFollowsTheEnvironment() {
        Instant before = Instant.now().minusMillis(1);
        ToolRun run = ToolRun.run(publisher, Map.of("HLS_TOPIC_BROADCASTS", "staging.broadcasts"),
                "alert", "--alert-id", "a1", "--channels", "*", "--duration", "30", "--item", "storm",
                "--asset", asset);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(publisher.sent.get(0).topic()).isEqualTo("staging.broadcasts");
        Alert alert = (Alert) ((Broadcast) publisher.sent.get(0).value()).getPayload();
        assertThat(alert.getPriority()).isEqualTo(100);
        assertThat(alert.getAfter()).isEqualTo(AfterAlert.RESUME);
        assertThat(alert.getStartAt()).isBetween(before, Instant.now());
        assertThat(alert.getChannels()).containsExactly("*");
    }

    @Test
    void anAlertFromAFileAndItsDryRunReadBackEqual() throws IOException {
        String form = """
                {"type": "alert", "alertId": "storm-1", "channels": ["*"], "startAt": "2026-11-21T20:00:00Z",
                 "duration": 30, "items": [{"itemId": "storm", "kind": "ALERT", "live": {"streamId": "weather"}}]}""";
        String file = Files.writeString(dir.resolve("storm-1.json"), form).toString();

        ToolRun dryRun = ToolRun.run(publisher, "alert", "--file", file, "--dry-run");
        ToolRun sent = ToolRun.run(publisher, "alert", "--file", file);

        assertThat(dryRun.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(sent.exitCode()).isEqualTo(ExitCodes.OK);
        Broadcast expected = ChannelCommandJson.parseBroadcast(form);
        assertThat(ChannelCommandJson.parseBroadcast(dryRun.out())).isEqualTo(expected);
        assertThat(publisher.sent).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(expected));
    }

    @Test
    void cancelAlertFromFlagsOrFile() throws IOException {
        ToolRun flags = ToolRun.run(publisher, "cancel-alert", "--alert-id", "storm-1");
        ToolRun file = ToolRun.run(publisher, "cancel-alert", "--file", Files.writeString(dir.resolve("c.json"),
                "{\"type\": \"cancel-alert\", \"alertId\": \"storm-2\"}").toString());

        assertThat(flags.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(flags.out()).isEqualTo("storm-1" + System.lineSeparator());
        assertThat(file.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(publisher.sent).extracting(s -> s.key()).containsExactly("storm-1", "storm-2");
        assertThat(publisher.sent).extracting(s -> s.value()).containsExactly(
                new Broadcast("storm-1", new CancelAlert()), new Broadcast("storm-2", new CancelAlert()));
        assertThat(publisher.sent).allSatisfy(s -> assertThat(s.topic()).isEqualTo("hls.broadcasts"));
    }

    @Test
    void invalidAlertsAreRefusedBeforeAnythingIsSent() throws IOException {
        ToolRun missing = ToolRun.run(publisher, "alert", "--alert-id", "a1", "--duration", "30");
        ToolRun badChannel = ToolRun.run(publisher, "alert", "--alert-id", "a1", "--channels", "tv1,tv 2",
                "--duration", "30", "--item", "storm", "--asset", asset);
        ToolRun zero = ToolRun.run(publisher, "alert", "--alert-id", "a1", "--channels", "*",
                "--duration", "0", "--item", "storm", "--asset", asset);
        ToolRun mixed = ToolRun.run(publisher, "alert", "--alert-id", "a1", "--file", asset);
        ToolRun wrongType = ToolRun.run(publisher, "cancel-alert", "--file", Files.writeString(dir.resolve("w.json"),
                "{\"type\": \"alert\", \"alertId\": \"a1\"}").toString());
        ToolRun badFile = ToolRun.run(publisher, "alert", "--file", Files.writeString(dir.resolve("b.json"),
                "{\"type\": \"alert\", \"alertId\": \"a1\",\n \"channels\": \"*\"}").toString());

        assertThat(List.of(missing, badChannel, zero, mixed)).allSatisfy(run ->
                assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE));
        assertThat(missing.err()).startsWith("producer-tools alert: give --alert-id, --channels, --duration and at "
                + "least one --item (or --file)");
        assertThat(badChannel.err()).startsWith("producer-tools alert: channels[1] must be \"*\" or match");
        assertThat(zero.err()).startsWith("producer-tools alert: duration must be greater than 0");
        assertThat(mixed.err()).startsWith("producer-tools alert: --file gives the whole alert; leave out the "
                + "other flags");
        assertThat(wrongType.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(wrongType.err()).contains("w.json line 1, column 10: type is 'alert', but this is the "
                + "cancel-alert command");
        assertThat(badFile.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(badFile.err()).contains("b.json line 2, column 14: channels must be an array");
        assertThat(publisher.opened).isEmpty();
    }
}
