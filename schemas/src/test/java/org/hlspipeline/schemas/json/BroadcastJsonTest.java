package org.hlspipeline.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hlspipeline.schemas.json.ChannelCommandJsonTest.ITEM;
import static org.hlspipeline.schemas.json.ChannelCommandJsonTest.json;

import java.time.Instant;

import org.hlspipeline.schemas.channel.AfterAlert;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;
import org.junit.jupiter.api.Test;

/** The JSON forms for broadcasts (docs/input-rules.md, JSON forms) ({@code POST /broadcasts}, tool files). */
class BroadcastJsonTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-21T19:59:00.123456Z");

    private static Broadcast parse(String text) {
        return ChannelCommandJson.parseBroadcast(json(text), RECEIVED);
    }

    private static void rejects(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InvalidCommandException.class).hasMessage(message);
    }

    @Test
    void anAlertAsInTheDesign() {
        Broadcast broadcast = parse("""
                {"type": "alert", "alertId": "storm-1", "channels": ["*"], "priority": 100,
                 "startAt": "2026-11-21T20:00:00Z", "duration": 30, "items": [%s], "after": "JOIN_IN_PROGRESS"}"""
                .formatted(ITEM));

        assertThat(broadcast.getAlertId()).isEqualTo("storm-1");
        Alert alert = (Alert) broadcast.getPayload();
        assertThat(alert.getChannels()).containsExactly("*");
        assertThat(alert.getPriority()).isEqualTo(100);
        assertThat(alert.getStartAt()).isEqualTo(Instant.parse("2026-11-21T20:00:00Z"));
        assertThat(alert.getDurationMicros()).isEqualTo(30_000_000L);
        assertThat(alert.getItems()).hasSize(1);
        assertThat(alert.getAfter()).isEqualTo(AfterAlert.JOIN_IN_PROGRESS);
    }

    @Test
    void anAlertsDefaults() {
        Alert alert = (Alert) parse("""
                {"type": "alert", "alertId": "storm-1", "channels": ["tv1", "tv2"], "duration": 12.5,
                 "items": [%s]}""".formatted(ITEM)).getPayload();

        assertThat(alert.getPriority()).isEqualTo(100);
        assertThat(alert.getAfter()).isEqualTo(AfterAlert.RESUME);
        assertThat(alert.getStartAt()).as("when received, to the millisecond")
                .isEqualTo(Instant.parse("2026-11-21T19:59:00.123Z"));
        assertThat(alert.getDurationMicros()).isEqualTo(12_500_000L);
        assertThat(alert.getChannels()).containsExactly("tv1", "tv2");
    }

    @Test
    void aCancellation() {
        assertThat(parse("{\"type\": \"cancel-alert\", \"alertId\": \"storm-1\"}"))
                .isEqualTo(new Broadcast("storm-1", new CancelAlert()));
        assertThat(ChannelCommandJson.parseBroadcast("{\"type\": \"cancel-alert\", \"alertId\": \"storm-1\"}"))
                .isEqualTo(new Broadcast("storm-1", new CancelAlert()));
    }

    @Test
    void malformedBroadcasts() {
        rejects("{\"alertId\": \"a\"}", "type is required: one of alert, cancel-alert");
        rejects("{\"type\": \"enqueue\", \"alertId\": \"a\"}", "type 'enqueue' is not one of alert, cancel-alert");
        rejects("{\"type\": \"cancel-alert\"}", "alertId is required");
        rejects("{\"type\": \"cancel-alert\", \"alertId\": \"a\", \"channels\": [\"*\"]}",
                "channels is not a known field; known here: alertId, type");
        rejects("""
                {"type": "alert", "alertId": "a", "duration": 30, "items": [%s]}""".formatted(ITEM),
                "channels is required");
        rejects("""
                {"type": "alert", "alertId": "a", "channels": ["*", 7], "duration": 30, "items": [%s]}"""
                .formatted(ITEM), "channels[1] must be a string");
        rejects("""
                {"type": "alert", "alertId": "a", "channels": ["*"], "items": [%s]}""".formatted(ITEM),
                "duration is required");
        rejects("""
                {"type": "alert", "alertId": "a", "channels": ["*"], "duration": "30s", "items": [%s]}"""
                .formatted(ITEM), "duration must be a number of seconds");
        rejects("""
                {"type": "alert", "alertId": "a", "channels": ["*"], "duration": 30, "startAt": "now",
                 "items": [%s]}""".formatted(ITEM), "startAt must be an ISO-8601 instant such as 2026-11-21T20:00:00Z");
        rejects("""
                {"type": "alert", "alertId": "a", "channels": ["*"], "duration": 30, "after": "SKIP",
                 "items": [%s]}""".formatted(ITEM), "after must be one of RESUME, JOIN_IN_PROGRESS");
        rejects("""
                {"type": "alert", "alertId": "a", "channels": ["*"], "duration": 30,
                 "items": [{"itemId": "x", "vod": {"renditions": {"720p": {"uriTemplate": "s{n}.ts"}},
                            "segmentCount": 1, "segmentDuration": []}}]}""",
                "items[0].vod.segmentDuration must be a number of seconds");
    }
}
