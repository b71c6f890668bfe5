package org.hlspipeline.queryapi.faults;

import static org.hlspipeline.queryapi.channel.ChannelKafka.command;
import static org.hlspipeline.queryapi.channel.ChannelKafka.configure;
import static org.hlspipeline.queryapi.channel.ChannelKafka.list;
import static org.hlspipeline.queryapi.channel.ChannelKafka.vod;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.hlspipeline.queryapi.channel.ChannelKafka;
import org.hlspipeline.queryapi.channel.ReferencePlayout.Published;
import org.hlspipeline.schemas.channel.ChannelCommand;
import org.hlspipeline.schemas.channel.Enqueue;
import org.hlspipeline.schemas.channel.Interrupt;
import org.hlspipeline.schemas.channel.ItemKind;
import org.hlspipeline.schemas.channel.Position;
import org.hlspipeline.schemas.channel.ResumePolicy;

/**
 * A scheduler programming channels on {@code hls.channel-commands} while a fault test runs: each channel gets a
 * filler and two programmes, and later a promo break. Every command takes effect at least 2 s after it is
 * published, beyond the 1 s command lead, so that every run applies it at the same boundary
 * (docs/operations.md, "Channels"). The log of what was published is kept for the run without the fault.
 */
final class ChannelProgramme implements AutoCloseable {

    static final String TOPIC = "hls.channel-commands";
    static final String AS_RUN = "hls.as-run";
    private static final long AHEAD_MILLIS = 3_000;

    private final ChannelKafka.Publisher publisher;
    private final List<String> channels;
    private final List<Published> log = new ArrayList<>();

    ChannelProgramme(String bootstrapServers, int count) {
        publisher = new ChannelKafka.Publisher(bootstrapServers);
        channels = IntStream.range(0, count).mapToObj(i -> String.format("channel-%02d", i)).toList();
    }

    List<String> channels() {
        return channels;
    }

    List<Published> log() {
        return List.copyOf(log);
    }

    /** Configures every channel and queues two programmes after the filler; returns when they take effect. */
    long start() {
        long now = System.currentTimeMillis();
        long base = (now + AHEAD_MILLIS) / 1000 * 1000;
        for (String channel : channels) {
            publish(command(channel, "configure", Instant.ofEpochMilli(base),
                    configure(vod("filler", ItemKind.FILLER, 4))), now);
            publish(command(channel, "enqueue", Instant.ofEpochMilli(base + 500), new Enqueue(list(
                    vod(channel + "-a", ItemKind.PROGRAM, 12), vod(channel + "-b", ItemKind.PROGRAM, 30)),
                    Position.END)), now);
        }
        return base;
    }

    /** A promo break on every channel, taking effect {@value #AHEAD_MILLIS} ms from now. */
    void promoBreak() {
        long now = System.currentTimeMillis();
        for (String channel : channels) {
            publish(command(channel, "promo", Instant.ofEpochMilli(now + AHEAD_MILLIS), new Interrupt(
                    list(vod("promo", ItemKind.PROMO, 2)), 10, ResumePolicy.RESUME)), now);
        }
    }

    private void publish(ChannelCommand command, long timestampMillis) {
        publisher.command(TOPIC, command, timestampMillis);
        log.add(new Published(command, timestampMillis));
    }

    @Override
    public void close() {
        publisher.close();
    }
}
