package org.hlspipeline.queryapi.faults;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serializer;
import org.hlspipeline.schemas.registry.RestSchemaRegistryClient;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryConfig;
import org.hlspipeline.schemas.serde.AvroSerializer;
import org.hlspipeline.schemas.stream.StreamEvent;

/**
 * A transcoder that moves to a new version of the stream-event schema, as a producer upgraded during a live run
 * does: the pipeline's schema plus one optional field ({@code encoderNote}, always null), registered under the
 * topic's subject, compatible, and under a schema id that the instance has not looked up yet.
 */
final class EvolvedStreamEvents implements Serializer<StreamEvent> {

    private static final String SUBJECT = "hls.stream-events-value";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final SchemaRegistry registry;
    private final AvroSerializer<StreamEvent> current;
    private volatile int newId = -1;
    private volatile boolean useNew;

    EvolvedStreamEvents(String registryUrl) {
        this.registry = new RestSchemaRegistryClient(SchemaRegistryConfig.fromProperties(
                Map.of(SchemaRegistryConfig.URL, registryUrl)));
        this.current = new AvroSerializer<>(registry);
    }

    /** Registers the new version while the registry is up; records still use the current one. */
    void registerNewVersion() {
        newId = registry.register(SUBJECT, evolved(StreamEvent.getClassSchema()));
    }

    /** From now on every record is written with the new version. */
    void useNewVersion() {
        useNew = true;
    }

    @Override
    public byte[] serialize(String topic, StreamEvent event) {
        byte[] bytes = current.serialize(topic, event);
        if (!useNew) {
            return bytes;
        }
        // The new version's binary form: the current fields, then the added union's null branch (index 0).
        ByteBuffer evolved = ByteBuffer.allocate(bytes.length + 1).put(bytes).put((byte) 0);
        evolved.putInt(1, newId);
        return evolved.array();
    }

    private static Schema evolved(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(new Schema.Field(field, field.schema()));
        }
        fields.add(new Schema.Field("encoderNote", Schema.createUnion(Schema.create(Schema.Type.NULL),
                Schema.create(Schema.Type.STRING)), "added by a newer transcoder", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** Waits until the registry at {@code url} answers. */
    static void awaitRegistry(String url) {
        await("the registry at " + url).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url + "/subjects"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
    }
}
