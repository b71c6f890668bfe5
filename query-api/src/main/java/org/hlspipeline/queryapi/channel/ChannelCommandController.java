package org.hlspipeline.queryapi.channel;

import org.hlspipeline.processor.channel.BroadcastCheck;
import org.hlspipeline.processor.channel.ChannelCommandCheck;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.hlspipeline.queryapi.config.HlsProperties;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.queryapi.query.ReadYourWrite;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.json.ChannelCommandJson;
import org.hlspipeline.schemas.json.InvalidCommandException;
import org.hlspipeline.schemas.json.JsonFormWriter;
import org.hlspipeline.queryapi.stream.StreamEventPublisher;
import org.hlspipeline.processor.rules.InputRules;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * The HTTP gateway for schedulers and operators. A command is read from its JSON form (see docs/architecture.md,
 * Command forms and producer-tools), checked with the rules the processor applies ({@link ChannelCommandCheck},
 * against the channel's state as the store shows it now), and published to Kafka keyed by channel id; the topology
 * applies it at its effective time. The answer is 202: accepted, not yet applied; its {@code status} is
 * "scheduled" once the store shows the command waiting for its effective time ({@link ReadYourWrite}), else
 * "accepted". The processor checks again when the command
 * arrives, so a command that a concurrent one made invalid goes to the dead-letter topic instead of airing.
 */
@RestController
class ChannelCommandController {

    private final StreamEventPublisher publisher;
    private final ChannelReads reads;
    private final String channelCommands;
    private final String broadcasts;
    private final ReadYourWrite readYourWrite;

    ChannelCommandController(StreamEventPublisher publisher, ChannelReads reads, ReadYourWrite readYourWrite,
                             HlsProperties properties) {
        this.publisher = publisher;
        this.reads = reads;
        this.readYourWrite = readYourWrite;
        this.channelCommands = properties.topics().channelCommands();
        this.broadcasts = properties.topics().broadcasts();
    }

    @PostMapping(value = "/channels/{channelId}/commands", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> command(@PathVariable String channelId,
                                                      @RequestBody(required = false) String body) {
        InputRules.idProblem("channelId", channelId).ifPresent(problem -> {
            throw ChannelProblems.rejected(problem);
        });
        ChannelCommand command = parsed(() -> ChannelCommandJson.parseCommand(channelId, body));
        return reads.channel(channelId)
                .flatMap(served -> {
                    ChannelState before = served.value().orElse(null);
                    Optional<String> problem = ChannelCommandCheck.problem(channelId, command, before);
                    if (problem.isPresent()) {
                        return Mono.error(ChannelProblems.rejected(problem.get()));
                    }
                    long seenBefore = before == null ? -1 : before.commandsScheduled();
                    return publisher.publish(channelCommands, channelId, command)
                            .then(scheduledAfter(channelId, seenBefore));
                })
                .map(scheduled -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("commandId", command.getCommandId());
                    answer.put("channelId", channelId);
                    answer.put("type", JsonFormWriter.commandType(command.getPayload()));
                    if (command.getEffectiveAt() != null) {
                        answer.put("effectiveAt", command.getEffectiveAt());
                    }
                    answer.put("status", scheduled ? "scheduled" : "accepted");
                    return ResponseEntity.accepted().location(URI.create("/api/channels/" + channelId))
                            .body(answer);
                });
    }

    /**
     * Whether the channel's state shows a command scheduled after the {@code seenBefore}-th, within
     * {@code hls.query.read-your-write-wait}: then a scheduler's next command (an enqueue right after a
     * configure) is checked against a state that knows this one. Store hiccups count as "not yet"; the command
     * is published either way.
     */
    private Mono<Boolean> scheduledAfter(String channelId, long seenBefore) {
        return readYourWrite.await(() -> reads.channel(channelId)
                        .map(served -> served.value().map(s -> s.commandsScheduled() > seenBefore).orElse(false)),
                Boolean::booleanValue, false);
    }

    @PostMapping(value = "/broadcasts", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> broadcast(@RequestBody(required = false) String body) {
        Broadcast broadcast = parsed(() -> ChannelCommandJson.parseBroadcast(body));
        String alertId = broadcast.getAlertId();
        BroadcastCheck.problem(alertId, broadcast).ifPresent(problem -> {
            throw ChannelProblems.rejected(problem);
        });
        return publisher.publish(broadcasts, alertId, broadcast)
                .map(published -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("alertId", alertId);
                    answer.put("type", broadcast.getPayload() instanceof Alert ? "alert" : "cancel-alert");
                    if (broadcast.getPayload() instanceof Alert alert) {
                        answer.put("startAt", alert.getStartAt());
                    }
                    return ResponseEntity.accepted().body(answer);
                });
    }

    private static <T> T parsed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidCommandException e) {
            throw ChannelProblems.invalid(e);
        }
    }
}
