package org.hlspipeline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.hlspipeline.schemas.registry.FakeConfluentRegistry;
import org.hlspipeline.schemas.stream.RenditionInfo;
import org.hlspipeline.schemas.registry.BundledSchemas;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;

/** The serde named by class in Kafka properties, configured from those properties alone. */
class AvroSerdeConfigureTest {

    private static final StreamEvent EVENT = StreamEvent.newBuilder()
            .setStreamId("cam-3")
            .setPayload(RenditionInfo.newBuilder().setRendition("720p").setBandwidth(3_000_000L)
                    .setResolution("1280x720").setCodecs("avc1.4d401f,mp4a.40.2").setFrameRate(29.97).build())
            .build();

    @Test
    void withoutARegistryUrlItUsesTheBundledIds() {
        AvroSerde<StreamEvent> serde = new AvroSerde<>();
        serde.configure(Map.of(AvroSerdeConfig.VALUE_TYPE, StreamEvent.class.getName()), false);

        byte[] bytes = serde.serializer().serialize("hls.stream-events", EVENT);

        assertThat(bytes).startsWith(0, 0, 0, 0, BundledSchemas.STREAM_EVENT_V3.id());
        assertThat(serde.deserializer().deserialize("hls.stream-events", bytes)).isEqualTo(EVENT);
    }

    @Test
    void withARegistryUrlBothHalvesShareOneClient() throws Exception {
        try (FakeConfluentRegistry registry = FakeConfluentRegistry.start()) {
            AvroSerde<StreamEvent> serde = new AvroSerde<>();
            serde.configure(Map.of(
                    "schema.registry.url", registry.url(),
                    AvroSerdeConfig.SHORT_VALUE_TYPE, StreamEvent.class), false);

            byte[] bytes = serde.serializer().serialize("hls.stream-events", EVENT);
            StreamEvent read = serde.deserializer().deserialize("hls.stream-events", bytes);

            assertThat(read).isEqualTo(EVENT);
            // The deserializer found id 7 in the cache the serializer filled: no GET.
            assertThat(registry.requests()).extracting(FakeConfluentRegistry.Request::method).containsExactly("POST");
        }
    }

    @Test
    void aKeyDeserializerReadsTheKeyTypeProperty() {
        AvroDeserializer<StreamEvent> keys = new AvroDeserializer<>();
        keys.configure(Map.of(AvroSerdeConfig.KEY_TYPE, StreamEvent.class.getName()), true);
        AvroSerializer<StreamEvent> writer = new AvroSerializer<>();
        writer.configure(Map.of(), true);

        assertThat(keys.deserialize("t", writer.serialize("t", EVENT))).isEqualTo(EVENT);
    }

    @Test
    void aMissingOrWrongRecordTypeIsAConfigError() {
        assertThatThrownBy(() -> new AvroDeserializer<StreamEvent>().configure(Map.of(), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("specific.avro.value.type");
        assertThatThrownBy(() -> new AvroDeserializer<StreamEvent>()
                .configure(Map.of(AvroSerdeConfig.VALUE_TYPE, "no.such.Type"), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no.such.Type");
        assertThatThrownBy(() -> new AvroDeserializer<StreamEvent>()
                .configure(Map.of(AvroSerdeConfig.VALUE_TYPE, String.class.getName()), false))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SpecificRecord");
    }
}
