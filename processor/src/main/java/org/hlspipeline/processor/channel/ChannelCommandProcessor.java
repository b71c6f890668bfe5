package org.hlspipeline.processor.channel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.hlspipeline.processor.kafka.DeadLetterReason;
import org.hlspipeline.processor.playout.ChannelSegment;
import org.hlspipeline.processor.playout.ChannelState;
import org.hlspipeline.processor.playout.LiveFeed;
import org.hlspipeline.processor.playout.Playout;
import org.hlspipeline.processor.playout.PlayoutCommand;
import org.hlspipeline.schemas.channel.AiredSegment;
import org.hlspipeline.schemas.channel.Broadcast;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.processor.kafka.DueIndex;
import org.hlspipeline.processor.kafka.HeldRecords;
import org.hlspipeline.processor.kafka.RecordOutcomes;
import org.hlspipeline.processor.kafka.TaskClock;

/**
 * Adapts channel commands and alerts to the playout engine: decode, validate, schedule, air what is due, store,
 * and write every aired segment to the as-run topic. Decisions are {@link Playout}'s; time comes from the
 * {@link TaskClock}, so a replay airs exactly what the live run aired.
 */
final class ChannelCommandProcessor implements Processor<String, byte[], String, byte[]> {

    static final String AS_RUN_CHILD = "as-run-sink";
    static final String DEAD_LETTER_CHILD = "channel-dead-letter-sink";

    private static final String COMMAND = "command";

    private final ChannelPlayoutSettings settings;
    private ProcessorContext<String, byte[]> context;
    private ChannelStore channels;
    private KeyValueStore<String, Long> seen;
    private DueIndex due;
    private TaskClock clock;
    private RecordOutcomes outcomes;
    private LiveFeed liveFeed = LiveFeed.NONE;
    private HeldRecords held;
    private BroadcastIntake alerts;

    ChannelCommandProcessor(ChannelPlayoutSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        this.channels = new ChannelStore(context.getStateStore(ChannelStores.CHANNELS),
                context.getStateStore(ChannelStores.PROGRAMMES));
        this.seen = context.getStateStore(ChannelStores.SEEN);
        this.due = new DueIndex(context.getStateStore(ChannelStores.DUE));
        this.clock = new TaskClock(context);
        String commands = settings.topics().channelCommands();
        clock.awaitBacklog(commands, settings.inputBacklog().lastUnread(commands, context.taskId().partition()));
        this.outcomes = new RecordOutcomes(context, ChannelStores.COUNTS, DEAD_LETTER_CHILD,
                settings.listener()::deadLettered);
        this.alerts = new BroadcastIntake(context, settings, seen, outcomes);
        if (settings.liveWindowDeserializer() != null) {
            this.liveFeed = new StoreLiveFeed(context.getStateStore(ChannelStores.LIVE_WINDOWS),
                    settings.liveWindowDeserializer(), settings.topics().liveWindows());
        }
        // Channels go on airing while commands are held: what is on air does not wait for a late command.
        this.held = new HeldRecords(context, ChannelStores.HELD, "channel commands", this::apply);
        context.schedule(settings.tickInterval(), PunctuationType.WALL_CLOCK_TIME,
                wallClock -> tick(clock.punctuationTime(wallClock)));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        clock.recordProcessed();
        held.offer(record, clock.streamTime());
    }

    /** Applies one command as of {@code streamTime}; see {@link HeldRecords.Step} for what it may throw. */
    private void apply(Record<String, byte[]> record, long streamTime) {
        tick(streamTime);
        ChannelCommand command;
        try {
            command = settings.commandDeserializer().deserialize(topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, DeadLetterReason.DESERIALIZATION, e.getMessage(), e);
            return;
        }
        if (command == null) {
            deadLetter(record, DeadLetterReason.INVALID, "empty value: channel commands are never tombstones", null);
            return;
        }
        String channelId = command.getChannelId();
        ChannelState current = channels.get(channelId);
        Optional<String> problem = ChannelCommandCheck.problem(record.key(), command, current);
        if (problem.isPresent()) {
            deadLetter(record, DeadLetterReason.INVALID, problem.get(), null);
            return;
        }
        String seenKey = channelId + "/" + command.getCommandId();
        // Read before anything is written: a registry that does not answer holds the command, unapplied.
        List<KeyValue<String, ValueAndTimestamp<Broadcast>>> active = current == null ? alerts.active() : List.of();
        if (seen.get(seenKey) != null) {
            outcomes.count(RecordOutcomes.DUPLICATE, COMMAND);
            settings.listener().duplicateCommand(channelId, command.getCommandId());
            return;
        }
        seen.put(seenKey, record.timestamp());
        long received = record.timestamp() * 1000;
        long requested = command.getEffectiveAt() == null ? received : command.getEffectiveAt().toEpochMilli() * 1000;
        long effective = Math.max(requested, received + settings.commandLeadMicros());
        PlayoutCommand playout = ChannelCommandMapper.toDomain(command);
        ChannelState base = current == null ? ChannelState.create(channelId) : current;
        ChannelState scheduled = Playout.schedule(base, playout, effective);
        for (KeyValue<String, ValueAndTimestamp<Broadcast>> alert : active) {
            scheduled = alerts.offer(scheduled, alert);
        }
        save(channelId, current, scheduled);
        outcomes.count(RecordOutcomes.APPLIED, COMMAND);
        settings.listener().commandApplied(channelId, command.getPayload().getClass().getSimpleName());
    }

    /** Airs what is due at {@code nowMillis} on every channel of this task, after taking in new alerts. */
    private void tick(long nowMillis) {
        applyNewAlerts();
        long nowMicros = nowMillis * 1000;
        for (String channelId : due.dueAt(nowMicros)) {
            ChannelState state = channels.get(channelId);
            if (state == null) {
                continue;
            }
            Playout.Advance advance = Playout.advance(state, nowMicros, liveFeed);
            for (ChannelSegment segment : advance.aired()) {
                asRun(channelId, segment);
            }
            save(channelId, state, advance.state());
        }
    }

    private void asRun(String channelId, ChannelSegment s) {
        AiredSegment aired = new AiredSegment(channelId, s.mediaSequence(),
                java.time.Instant.ofEpochMilli(s.airTimeMicros() / 1000), s.durationMicros(), s.uris(), s.itemId(),
                org.hlspipeline.schemas.channel.ItemKind.valueOf(s.kind().name()), s.title(), s.discontinuity());
        byte[] value = settings.asRunSerializer().serialize(settings.topics().asRun(), aired);
        context.forward(new Record<>(channelId, value, s.airTimeMicros() / 1000), AS_RUN_CHILD);
        settings.listener().segmentAired(channelId, s);
    }

    /**
     * Alerts this task has not taken in yet are scheduled on every channel of the task that they target, once;
     * a cancellation reaches the channels that took the alert in.
     */
    private void applyNewAlerts() {
        for (KeyValue<String, ValueAndTimestamp<Broadcast>> alert : alerts.fresh()) {
            for (String channelId : channels.channelIds()) {
                ChannelState state = channels.get(channelId);
                save(channelId, state, alerts.offer(state, alert));
            }
        }
    }

    private void save(String channelId, ChannelState before, ChannelState after) {
        if (before == after || (before != null && before.equals(after))) {
            return; // a channel waiting for its live stream is looked at every tick, and written only on change
        }
        // Before the put: the old state may still read its programme from the store.
        OptionalLong dueBefore = dueOf(before);
        channels.put(channelId, before, after);
        due.update(channelId, dueBefore, dueOf(after));
    }

    private static OptionalLong dueOf(ChannelState state) {
        if (state == null) {
            return OptionalLong.empty();
        }
        long next = state.nextDueMicros();
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    private void deadLetter(Record<String, byte[]> record, DeadLetterReason reason, String detail, Throwable error) {
        outcomes.deadLetter(record, reason, detail, error);
    }

    private String topic() {
        return context.recordMetadata().map(m -> m.topic()).orElse(settings.topics().channelCommands());
    }
}
