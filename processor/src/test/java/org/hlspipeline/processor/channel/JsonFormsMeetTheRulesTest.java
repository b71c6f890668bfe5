package org.hlspipeline.processor.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.hlspipeline.processor.playout.AdMarkers;
import org.hlspipeline.processor.playout.ChannelConfig;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.processor.playout.ResumePolicy;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The records the shared JSON forms (schemas' {@code ChannelCommandJson}) produce are what the processor expects:
 * left-out fields become the domain's defaults, and values are judged by the processor's rules, not the form.
 */
class JsonFormsMeetTheRulesTest {

    private static final String ITEM = """
            {"itemId": "ep1", "kind": "PROGRAM", "title": "Episode 1",
             "vod": {"renditions": {"720p": {"uriTemplate": "https://cdn.example/ep1/720p/seg{n}.ts"},
                                    "480p": {"uriTemplate": "https://cdn.example/ep1/480p/seg{n}.ts"}},
                     "segmentCount": 90, "segmentDuration": 2.0}}""";
    private static final Instant RECEIVED = Instant.parse("2026-11-21T19:59:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChannelCommand command(String json) {
        return ChannelCommandJson.parseCommand("tv1", JSON.readTree(json), () -> "c1");
    }

    private static Broadcast broadcast(String json) {
        return ChannelCommandJson.parseBroadcast(JSON.readTree(json), RECEIVED);
    }

    @Test
    void aMinimalConfigureLeavesTheDefaultsToTheDomain() {
        ChannelCommand command = command("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2500000}]}""");

        ChannelConfig config = ((PlayoutCommand.Configure) ChannelCommandMapper.toDomain(command)).config();
        assertThat(config.windowSize()).isEqualTo(6);
        assertThat(config.targetDurationSeconds()).isEqualTo(2);
        assertThat(config.programDateTime()).isTrue();
        assertThat(config.adMarkers()).isEqualTo(AdMarkers.DATERANGE);
        assertThat(ChannelCommandCheck.problem("tv1", command, null)).isEmpty();
    }

    @Test
    void aParsedValidCommandPassesTheRules() {
        ChannelCommand configure = command("""
                {"type": "configure", "ladder": [{"name": "720p", "bandwidth": 2500000},
                                                 {"name": "480p", "bandwidth": 1000000}]}""");
        ChannelState state = Playout.schedule(ChannelState.create("tv1"), ChannelCommandMapper.toDomain(configure), 0);

        assertThat(ChannelCommandCheck.problem("tv1", command("""
                {"type": "enqueue", "items": [%s]}""".formatted(ITEM)), state)).isEmpty();
        assertThat(ChannelCommandCheck.problem("tv1", command("""
                {"type": "enqueue", "items": [%s]}""".formatted(ITEM.replace("480p", "360p"))), state))
                .hasValue("items[0] \"ep1\": rendition 480p of the ladder is missing");
    }

    @Test
    void anAlertPassesTheRulesAndReachesTheDomainEndingAfterItsDuration() {
        Broadcast broadcast = broadcast("""
                {"type": "alert", "alertId": "storm-1", "channels": ["*"], "startAt": "2026-11-21T20:00:00Z",
                 "duration": 30, "items": [%s]}""".formatted(ITEM));

        PlayoutCommand.StartAlert start = ChannelCommandMapper.toStartAlert("storm-1", (Alert) broadcast.getPayload(),
                0);

        assertThat(BroadcastCheck.problem("storm-1", broadcast)).isEmpty();
        assertThat(start.endsAtMicros()).isEqualTo(Instant.parse("2026-11-21T20:00:30Z").toEpochMilli() * 1000);
        assertThat(start.after()).isEqualTo(ResumePolicy.RESUME);
        assertThat(start.priority()).isEqualTo(100);
    }

    @Test
    void parsedButInvalidValuesAreLeftToTheRules() {
        Broadcast broadcast = broadcast("""
                {"type": "alert", "alertId": "a", "channels": ["*"], "duration": 0, "items": [%s]}"""
                .formatted(ITEM));

        assertThat(BroadcastCheck.problem("a", broadcast)).hasValue("duration must be greater than 0");
    }
}
