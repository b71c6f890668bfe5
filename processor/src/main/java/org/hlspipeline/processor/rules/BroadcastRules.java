package org.hlspipeline.processor.rules;

import static org.hlspipeline.processor.rules.InputRules.idProblem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a broadcast (an alert for many channels, or its cancellation) may enter the pipeline, and what keeps a
 * valid alert off one channel (see docs/input-rules.md, Broadcasts). An alert's items follow {@link ItemRules}.
 */
public final class BroadcastRules {

    private BroadcastRules() {
    }

    /** The alert id, and the record key that must equal it. */
    public static Optional<String> keyProblem(String recordKey, String alertId) {
        return InputRules.keyProblem(recordKey, InputRules.shownKey(recordKey), "alertId", alertId,
                "the alert id so an alert and its cancellation stay in order on one partition");
    }

    /** @param payload what the broadcast asks for, of a kind no rule knows */
    public static String unknownBroadcast(Object payload) {
        return "unknown broadcast " + (payload == null ? "(none)" : payload.getClass().getSimpleName());
    }

    /** An alert's own fields, before its items. */
    public static Optional<String> alertProblem(List<String> channels, int priority, Instant startAt,
                                                long durationMicros) {
        if (channels == null || channels.isEmpty()) {
            return Optional.of("channels must list channel ids, or \"*\" for all channels");
        }
        Optional<String> size = ListLimits.alertChannelsProblem(channels.size());
        if (size.isPresent()) {
            return size;
        }
        for (int i = 0; i < channels.size(); i++) {
            String channel = channels.get(i);
            if (!"*".equals(channel) && idProblem("channel", channel).isPresent()) {
                return Optional.of("channels[" + i + "] must be \"*\" or match [A-Za-z0-9][A-Za-z0-9._-]{0,127}");
            }
        }
        Optional<String> priorityProblem = ChannelCommandRules.priorityProblem(priority);
        if (priorityProblem.isPresent()) {
            return priorityProblem;
        }
        if (startAt == null) {
            return Optional.of("startAt is required");
        }
        if (durationMicros <= 0) {
            return Optional.of("duration must be greater than 0");
        }
        return Optional.empty();
    }

    /** Why a valid alert does not air on one channel: the reason for that channel, named. */
    public static String onChannel(String channelId, String problem) {
        return "on channel " + channelId + ": " + problem;
    }
}
