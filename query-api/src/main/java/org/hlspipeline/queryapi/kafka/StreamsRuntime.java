package org.hlspipeline.queryapi.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.hlspipeline.processor.kafka.CompactStoreFiles;
import org.hlspipeline.queryapi.config.HlsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the topology. It starts after the HTTP server (the last lifecycle phase) because Kafka Streams must
 * advertise the port that server bound, and it stops first, so the stores close before the broker does.
 *
 * <p>Only the query package reads {@link #kafkaStreams()}: controllers never touch Kafka Streams.
 */
public class StreamsRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRuntime.class);

    private final KafkaConnection connection;
    private final HlsProperties properties;
    private final Topology topology;
    private final LocalInstance localInstance;
    private final TopicPartitionCounts partitionCounts;
    private final java.util.function.Consumer<KafkaStreams> onCreated;
    private final boolean enabled;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean everRunning = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final CompletableFuture<Void> firstRunning = new CompletableFuture<>();
    private volatile KafkaStreams streams;

    /**
     * @param enabled false for maintenance (HLS_KAFKA_STREAMS_ENABLED=false): the embedded broker and the HTTP
     *                server run, Kafka Streams does not, so its group stays empty for {@code producer-tools rebuild}
     */
    StreamsRuntime(KafkaConnection connection, HlsProperties properties, Topology topology,
                   LocalInstance localInstance, TopicPartitionCounts partitionCounts,
                   java.util.function.Consumer<KafkaStreams> onCreated, boolean enabled) {
        this.connection = connection;
        this.properties = properties;
        this.topology = topology;
        this.localInstance = localInstance;
        this.partitionCounts = partitionCounts;
        this.onCreated = onCreated;
        this.enabled = enabled;
        if (!enabled) {
            log.warn("Kafka Streams is off (HLS_KAFKA_STREAMS_ENABLED=false): nothing is processed and playlists "
                    + "answer 503; the broker ({}) and writes are up, for maintenance such as "
                    + "producer-tools rebuild", connection.bootstrapServers());
        }
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    @Override
    public void start() {
        // Before Kafka Streams starts: its global thread fails at once on a source topic that does not exist.
        partitionCounts.learn(TopicProvisioner.ensureTopics(connection, properties.topics().pipelineTopics(),
                properties.partitions()));
        KafkaStreams created = new KafkaStreams(topology, streamsConfig());
        created.setStateListener((now, before) -> {
            log.info("Kafka Streams: {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                everRunning.set(true);
                firstRunning.complete(null);
            }
        });
        created.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed; replacing it", e);
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        this.streams = created;
        onCreated.accept(created);
        if (paused.get()) {
            created.pause();
        }
        created.start();
        running.set(true);
    }

    private Properties streamsConfig() {
        Map<String, Object> base = connection.streamsProperties();
        Properties props = new Properties();
        props.putAll(base);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, localInstance.name());
        props.put(StreamsConfig.STATE_DIR_CONFIG,
                properties.dataDir().resolve("streams").toAbsolutePath().toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, properties.processingGuarantee());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, properties.standbyReplicas());
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, CompactStoreFiles.class);
        // The streams rebalance protocol (KIP-1071) has no static members; under the classic one, a restarted
        // instance takes its tasks back at once.
        if (!"streams".equalsIgnoreCase(String.valueOf(props.get(StreamsConfig.GROUP_PROTOCOL_CONFIG)))) {
            props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                    StaticMembership.instanceId(properties.dataDir(), properties.applicationId()));
        }
        return props;
    }

    public KafkaStreams kafkaStreams() {
        KafkaStreams current = streams;
        if (current == null) {
            throw new IllegalStateException("Kafka Streams has not started yet");
        }
        return current;
    }

    /** Completes when Kafka Streams first reaches RUNNING: from then on playlists can be read. */
    public CompletionStage<Void> firstRunning() {
        return firstRunning.minimalCompletionStage();
    }

    /** Whether Kafka Streams runs at all (false in maintenance, HLS_KAFKA_STREAMS_ENABLED=false). */
    public boolean enabled() {
        return enabled;
    }

    /** Ready while RUNNING, and through rebalances once it has run: reads keep working then (standbys). */
    public boolean ready() {
        KafkaStreams current = streams;
        if (current == null) {
            return false;
        }
        KafkaStreams.State state = current.state();
        return state == KafkaStreams.State.RUNNING
                || (state == KafkaStreams.State.REBALANCING && everRunning.get());
    }

    /**
     * Stops processing, punctuation and standby updates; the stores stay open for reads and the instance stays in
     * its group. Before Kafka Streams has started, it starts paused.
     */
    public void pause() {
        paused.set(true);
        KafkaStreams current = streams;
        if (current != null) {
            current.pause();
        }
    }

    public void resume() {
        paused.set(false);
        KafkaStreams current = streams;
        if (current != null) {
            current.resume();
        }
    }

    public KafkaStreams.State state() {
        KafkaStreams current = streams;
        return current == null ? KafkaStreams.State.CREATED : current.state();
    }

    @Override
    public void stop() {
        KafkaStreams current = streams;
        if (current != null) {
            // Leaving the group hands this instance's partitions to the others at once, instead of after the
            // session timeout (45 s by default) during which nobody would own them.
            current.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        running.set(false);
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
