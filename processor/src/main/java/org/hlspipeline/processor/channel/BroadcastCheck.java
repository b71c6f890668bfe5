package org.hlspipeline.processor.channel;

import java.util.Optional;

import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.rules.BroadcastRules;
import org.hlspipeline.processor.rules.ChannelCommandRules;
import org.hlspipeline.processor.rules.ChannelTerms;
import org.hlspipeline.schemas.channel.Alert;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.CancelAlert;

/**
 * Whether a broadcast record (the Avro contract of {@code hls.broadcasts}) may enter the pipeline, and whether a
 * valid alert may air on one channel: walks the record and asks {@link BroadcastRules} and the item rules (see
 * docs/input-rules.md, Broadcasts).
 */
public final class BroadcastCheck {

    private BroadcastCheck() {
    }

    /** @param recordKey the Kafka record key, which must be the alert id */
    public static Optional<String> problem(String recordKey, Broadcast broadcast) {
        Optional<String> key = BroadcastRules.keyProblem(recordKey, broadcast.getAlertId());
        if (key.isPresent()) {
            return key;
        }
        Object payload = broadcast.getPayload();
        if (payload instanceof CancelAlert) {
            return Optional.empty();
        }
        if (!(payload instanceof Alert alert)) {
            return Optional.of(BroadcastRules.unknownBroadcast(payload));
        }
        return BroadcastRules.alertProblem(alert.getChannels(), alert.getPriority(), alert.getStartAt(),
                alert.getDurationMicros()).or(() -> ItemCheck.itemsStructureProblem(alert.getItems()));
    }

    /**
     * What keeps a (valid) alert from airing on one channel: its items must provide the channel's ladder and keep
     * to its target duration.
     */
    public static Optional<String> alertProblemOn(ChannelState stateOrNull, Alert alert) {
        ChannelTerms terms = ChannelTerms.of(stateOrNull);
        if (terms == null) {
            return Optional.of(ChannelCommandRules.notConfigured(
                    stateOrNull == null ? "(unknown)" : stateOrNull.channelId()));
        }
        return ItemCheck.itemsProblem(alert.getItems(), terms)
                .map(problem -> BroadcastRules.onChannel(stateOrNull.channelId(), problem));
    }

    /** Whether a (valid) alert may air on this channel: {@link #alertProblemOn} finds nothing. */
    public static boolean coversLadder(Alert alert, ChannelState stateOrNull) {
        return alertProblemOn(stateOrNull, alert).isEmpty();
    }
}
