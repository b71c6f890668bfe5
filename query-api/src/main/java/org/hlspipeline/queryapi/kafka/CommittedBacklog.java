package org.hlspipeline.queryapi.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hlspipeline.processor.kafka.InputBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@link InputBacklog} from the broker: the records of a partition past the application's committed offset
 * when a task takes it over. One Admin client serves every task; a broker that does not answer within
 * {@link #TIMEOUT} makes the task trust its quiet wall clock, as before (see docs/architecture.md, Time model).
 */
final class CommittedBacklog implements InputBacklog, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(CommittedBacklog.class);

    private final Map<String, Object> adminProperties;
    private final String applicationId;
    private Admin admin;

    CommittedBacklog(Map<String, Object> adminProperties, String applicationId) {
        this.adminProperties = adminProperties;
        this.applicationId = applicationId;
    }

    @Override
    public OptionalLong lastUnread(String topic, int partition) {
        TopicPartition input = new TopicPartition(topic, partition);
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            ListOffsetsResultInfo end = client.listOffsets(Map.of(input, OffsetSpec.latest()))
                    .partitionResult(input).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            OffsetAndMetadata position = committed.get(input);
            long from = position == null ? 0 : position.offset();
            return end.offset() > from ? OptionalLong.of(end.offset() - 1) : OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        } catch (Exception e) {
            log.warn("Could not read the backlog of {} ({}); its task airs by the quiet wall clock", input,
                    e.toString());
            return OptionalLong.empty();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminProperties);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
