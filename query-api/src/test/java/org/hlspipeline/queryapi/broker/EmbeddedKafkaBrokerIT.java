package org.hlspipeline.queryapi.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hlspipeline.queryapi.testing.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void startsOnAFreePortAndRoundTripsARecordThroughAConsumerGroup() throws Exception {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.forTests(dataDir));
        try {
            assertThat(broker.port()).isPositive();
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());

            createTopic(broker.bootstrapServers(), "round-trip", 2);
            produce(broker.bootstrapServers(), "round-trip", "k1", "hello");

            try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers(), "round-trip-group", "read_uncommitted")) {
                consumer.subscribe(List.of("round-trip"));
                List<ConsumerRecord<String, String>> seen = pollUntil(consumer, 1);
                assertThat(seen).singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo("k1");
                    assertThat(r.value()).isEqualTo("hello");
                });
                consumer.commitSync(); // the group coordinator (__consumer_offsets) works too
            }
        } finally {
            broker.close();
        }
        broker.close(); // idempotent
    }

    @Test
    void restartOnTheSameDataDirKeepsTopicsRecordsAndClusterIdEvenWithAnotherControllerPort() throws Exception {
        String clusterId;
        int firstControllerPort;
        EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerSettings.forTests(dataDir));
        try {
            clusterId = first.clusterId();
            firstControllerPort = first.controllerPort();
            createTopic(first.bootstrapServers(), "kept", 3);
            produce(first.bootstrapServers(), "kept", "key", "survives a restart");
            try (Admin admin = admin(first.bootstrapServers())) {
                assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(clusterId);
            }
        } finally {
            first.close();
        }

        int otherControllerPort = freePortOtherThan(firstControllerPort);
        EmbeddedKafkaBroker second = EmbeddedKafkaBroker.start(
                BrokerSettings.forTests(dataDir).withControllerPort(otherControllerPort));
        try {
            assertThat(second.controllerPort()).isEqualTo(otherControllerPort).isNotEqualTo(firstControllerPort);
            assertThat(second.clusterId()).isEqualTo(clusterId);
            try (Admin admin = admin(second.bootstrapServers())) {
                assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS)).isEqualTo(clusterId);
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept");
                assertThat(admin.describeTopics(List.of("kept")).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get("kept").partitions()).hasSize(3);
            }
            try (KafkaConsumer<String, String> consumer = consumer(second.bootstrapServers(), null, "read_uncommitted")) {
                List<TopicPartition> partitions = List.of(
                        new TopicPartition("kept", 0), new TopicPartition("kept", 1), new TopicPartition("kept", 2));
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                List<ConsumerRecord<String, String>> seen = pollUntil(consumer, 1);
                assertThat(seen).singleElement().satisfies(r -> {
                    assertThat(r.key()).isEqualTo("key");
                    assertThat(r.value()).isEqualTo("survives a restart");
                });
            }
        } finally {
            second.close();
        }
    }

    @Test
    void aCommittedTransactionIsVisibleToReadCommittedConsumersAndAnAbortedOneIsNot() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String topic = "tx-" + UUID.randomUUID();
        createTopic(bootstrap, topic, 1);

        Properties props = producerProps(bootstrap);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tx-test-" + UUID.randomUUID());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted")).get(30, TimeUnit.SECONDS);
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "committed"));
            producer.commitTransaction();
        }

        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, null, "read_committed")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // The committed record comes after the aborted one, so once it is seen the aborted one had its chance.
            List<ConsumerRecord<String, String>> seen = pollUntil(consumer, 1);
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly("committed");
        }
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap, null, "read_uncommitted")) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, String>> seen = pollUntil(consumer, 2);
            assertThat(seen).extracting(ConsumerRecord::value).containsExactly("aborted", "committed");
        }
    }

    @Test
    void aTakenPortFailsWithAMessageNamingThePortAndTheEnvironmentVariable() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(BrokerSettings.forTests(dataDir).withPort(port)))
                    .isInstanceOf(BrokerStartupException.class)
                    .hasMessageContaining("port " + port)
                    .hasMessageContaining("HLS_KAFKA_PORT");
        }
    }

    @Test
    void aSecondBrokerOnTheSameDataDirFailsClearlyAndTheFirstKeepsServing() throws Exception {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(BrokerSettings.forTests(dataDir))) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(BrokerSettings.forTests(dataDir)))
                    .isInstanceOf(BrokerStartupException.class)
                    .hasMessageContaining(dataDir.resolve("kafka").toString())
                    .hasMessageContaining("in use")
                    .hasMessageContaining("HLS_DATA_DIR");
            createTopic(first.bootstrapServers(), "still-serving", 1);
            produce(first.bootstrapServers(), "still-serving", "k", "v");
        }
    }

    @Test
    void aListenerKafkaCannotBindIsReportedAndLeavesTheDataDirUsable() throws Exception {
        // The up-front port check passes (the settings ask for free ports); the listener override makes Kafka's
        // own bind fail midway through startup, after the controller is already running.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int controllerPort = freePortOtherThan(taken.getLocalPort());
            BrokerSettings settings = BrokerSettings.forTests(dataDir)
                    .withControllerPort(controllerPort)
                    .withExtraProperties(Map.of("listeners", "PLAINTEXT://127.0.0.1:" + taken.getLocalPort()
                            + ",CONTROLLER://127.0.0.1:" + controllerPort));
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(settings))
                    .isInstanceOf(BrokerStartupException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("HLS_KAFKA_PORT");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(BrokerSettings.forTests(dataDir))) {
            createTopic(broker.bootstrapServers(), "after-failure", 1);
            produce(broker.bootstrapServers(), "after-failure", "k", "v");
        }
    }

    @Test
    void testKafkaIsOneBrokerForTheWholeJvm() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        assertThat(TestKafka.bootstrapServers()).isEqualTo(bootstrap);
        try (Admin admin = admin(bootstrap)) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static void createTopic(String bootstrap, String topic, int partitions) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // The controller has committed the topic; the broker's metadata cache follows shortly after.
            await().atMost(WAIT).pollInSameThread().pollDelay(Duration.ZERO)
                    .until(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(topic));
        }
    }

    private static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static void produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            assertThat(metadata.offset()).isZero();
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String groupId, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(props);
    }

    /** Polls (a blocking call) until at least {@code count} records arrived, then returns all of them. */
    private static List<ConsumerRecord<String, String>> pollUntil(KafkaConsumer<String, String> consumer, int count) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(WAIT).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.size() >= count;
        });
        // Nothing more than expected: one more poll after the expected records arrived.
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen;
    }

    private static int freePortOtherThan(int port) throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                if (socket.getLocalPort() != port) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
