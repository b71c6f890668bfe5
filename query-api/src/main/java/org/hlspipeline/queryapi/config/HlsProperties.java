package org.hlspipeline.queryapi.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The product's settings, bound from {@code hls.*}; application.yml maps the documented environment variables
 * (HLS_DATA_DIR, SLIDING_WINDOW_SIZE, …) onto them.
 *
 * @param advertisedHost host that other instances use to reach this one (application.server); blank means the
 *                       HTTP bind address
 */
@ConfigurationProperties("hls")
public record HlsProperties(
        Path dataDir,
        int kafkaPort,
        String applicationId,
        String advertisedHost,
        String processingGuarantee,
        int partitions,
        int standbyReplicas,
        Topics topics,
        SchemaRegistry schemaRegistry,
        Stream stream,
        Channel channel,
        Query query,
        Security security) {

    /** @param schemas the schemas topic of the registry this app serves when no SCHEMA_REGISTRY_URL is set */
    public record Topics(String streamEvents, String channelCommands, String broadcasts, String asRun,
                         String deadLetters, String liveWindows, String schemas) {

        public org.hlspipeline.processor.kafka.PipelineTopics pipelineTopics() {
            return new org.hlspipeline.processor.kafka.PipelineTopics(streamEvents, channelCommands, broadcasts, asRun,
                    deadLetters, liveWindows);
        }
    }

    /**
     * @param url     an external Confluent-compatible registry; blank: this app serves one itself
     * @param port    where the served registry listens (0: any free port)
     * @param address the served registry's bind address
     * @param timeout connect and request timeout towards an external registry; also how long a registry that
     *                hangs can block a stream thread per attempt (docs/operations.md, "Schema registry outage")
     */
    public record SchemaRegistry(String url, String basicAuthUserInfo, String truststoreLocation,
                                 String truststorePassword, String keystoreLocation, String keystorePassword,
                                 int port, String address, Duration timeout) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param windowSize     default window size (SLIDING_WINDOW_SIZE)
     * @param windowSizes    per stream id overrides
     * @param targetDuration fixed target duration in seconds, or 0 for the first segment's duration rounded up
     */
    public record Stream(int windowSize, Map<String, Integer> windowSizes, int targetDuration, Duration idleTtl,
                         Duration gapCheckInterval) {
        public Stream {
            windowSizes = windowSizes == null ? Map.of() : Map.copyOf(windowSizes);
        }
    }

    /**
     * @param commandLead  how long after it is received a channel command takes effect at the earliest; keeps
     *                     every command ahead of the boundary it changes, so replays air the same segments
     * @param tickInterval how often quiet tasks air due channel boundaries
     */
    public record Channel(Duration commandLead, Duration tickInterval) {
    }

    /**
     * @param forwardTimeout     how long to wait for the owning instance before trying a standby
     * @param maxStandbyLag      offsets a standby may lag and still answer
     * @param readYourWriteWait  how long a write waits to see itself in the store before answering 202
     */
    public record Query(Duration forwardTimeout, long maxStandbyLag, Duration readYourWriteWait) {
    }

    /**
     * @param writeTokens     bearer tokens accepted on writes, inline (comma-separated)
     * @param writeTokensFile bearer tokens, one per line
     * @param signedUrlKeys   HMAC keys of signed read URLs (HLS_SIGNED_URL_KEYS): the first signs, any verifies;
     *                        empty: playlists are read without a signature
     */
    public record Security(List<String> writeTokens, Path writeTokensFile, List<String> signedUrlKeys) {
        public Security {
            writeTokens = writeTokens == null ? List.of() : List.copyOf(writeTokens);
            signedUrlKeys = signedUrlKeys == null ? List.of() : List.copyOf(signedUrlKeys);
        }
    }
}
