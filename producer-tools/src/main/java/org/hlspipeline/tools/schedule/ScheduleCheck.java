package org.hlspipeline.tools.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hlspipeline.processor.channel.ChannelCommandMapper;
import org.hlspipeline.processor.channel.ChannelCommandCheck;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.tools.cli.ToolFailure;

/**
 * Checks a plan with the processor's own rules, as the processor will meet its commands: each against the
 * channel's state after the ones before it were scheduled, so an item is checked against the ladder and target
 * duration of the schedule's configuration. The channel's state before the schedule is not known here (the tool
 * reads nothing from Kafka), so the plan is checked as if it built the channel from nothing; the pipeline checks
 * each command again on arrival and dead-letters what it refuses.
 */
final class ScheduleCheck {

    private ScheduleCheck() {
    }

    /**
     * @param now the receipt time assumed for commands without an effective time
     * @throws ToolFailure (input) with the first command's reason, placed in the file
     */
    static void check(String channelId, List<PlanStep> plan, Instant now) throws ToolFailure {
        ChannelState state = null;
        long nowMicros = now.toEpochMilli() * 1000;
        for (PlanStep step : plan) {
            ChannelCommand command = step.command();
            Optional<String> problem = ChannelCommandCheck.problem(channelId, command, state);
            if (problem.isPresent()) {
                throw ToolFailure.input(step.sources().placeReason(problem.get()).orElse(problem.get()));
            }
            long requested = command.getEffectiveAt() == null ? nowMicros
                    : command.getEffectiveAt().toEpochMilli() * 1000;
            state = Playout.schedule(state == null ? ChannelState.create(channelId) : state,
                    ChannelCommandMapper.toDomain(command), Math.max(requested, nowMicros));
        }
    }
}
