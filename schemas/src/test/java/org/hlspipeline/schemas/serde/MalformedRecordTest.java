package org.hlspipeline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;
import org.hlspipeline.schemas.registry.InMemorySchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad records must fail with a message fit for a dead-letter topic, never with a bare Avro exception. */
class MalformedRecordTest {

    private static final int ID = 1;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry().put(ID, StreamEvent.getClassSchema());
    private final AvroDeserializer<StreamEvent> deserializer = new AvroDeserializer<>(StreamEvent.class, registry);

    private static byte[] validEndOfStream() {
        return new AvroSerializer<StreamEvent>(new InMemorySchemaRegistry().put(ID, StreamEvent.getClassSchema()))
                .serialize("t", StreamEvent.newBuilder().setStreamId("s")
                        .setPayload(EndOfStream.newBuilder().build()).build());
    }

    @Test
    void jsonIsNotTheWireFormat() {
        assertThatThrownBy(() -> deserializer.deserialize("t", "{\"streamId\":\"s\"}".getBytes()))
                .isInstanceOf(AvroDeserializationException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageStartingWith("not Confluent wire format: magic byte 0x7b");
    }

    @Test
    void aTruncatedHeaderIsRejected() {
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0x00, 0x00, 0x01}))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageStartingWith("not Confluent wire format: 3 bytes, shorter than the 5-byte header");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[0]))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageContaining("0 bytes");
    }

    @Test
    void anUnknownSchemaIdIsRejected() {
        byte[] record = Frames.frame(42, new byte[] {0x02, 's', 0x00, 0x04, 0x00});

        assertThatThrownBy(() -> deserializer.deserialize("t", record))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageStartingWith("unknown schema id 42");
    }

    static Stream<Arguments> corruptBodies() {
        return Stream.of(
                Arguments.of("body cut short", new byte[] {0x02, 's', 0x00}),
                Arguments.of("empty body", new byte[0]),
                Arguments.of("negative string length", new byte[] {0x01}),
                Arguments.of("union branch out of range", new byte[] {0x02, 's', 0x00, 0x0e, 0x00}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptBodies")
    void aCorruptBodyIsRejected(String what, byte[] body) {
        assertThatThrownBy(() -> deserializer.deserialize("t", Frames.frame(ID, body)))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageStartingWith("corrupt Avro body: ")
                .hasMessageContaining("schema id 1");
    }

    @Test
    void bytesLeftOverAfterTheRecordAreCorruption() {
        byte[] valid = validEndOfStream();
        byte[] padded = java.util.Arrays.copyOf(valid, valid.length + 1);

        assertThat(deserializer.deserialize("t", valid)).isNotNull();
        assertThatThrownBy(() -> deserializer.deserialize("t", padded))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageStartingWith("corrupt Avro body: bytes left over");
    }

    @Test
    void aWriterSchemaOfAnotherTypeSaysWhyItCannotBeRead() {
        Schema other = SchemaBuilder.record("Other").namespace("com.example").fields().requiredLong("a").endRecord();
        registry.put(9, other);
        GenericData.Record datum = new GenericData.Record(other);
        datum.put("a", 5L);

        assertThatThrownBy(() -> deserializer.deserialize("t", Frames.frame(9, Frames.genericBody(other, datum))))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageStartingWith("schema id 9 (com.example.Other) cannot be read as org.hlspipeline.schemas.stream.StreamEvent");
    }

    @Test
    void aRecordOfAnotherTopicsTypeIsNamedAsSuch() {
        registry.put(10, org.hlspipeline.schemas.channel.Broadcast.getClassSchema());
        org.hlspipeline.schemas.channel.Broadcast broadcast = new org.hlspipeline.schemas.channel.Broadcast("a1",
                new org.hlspipeline.schemas.channel.CancelAlert());
        byte[] body = new AvroSerializer<org.hlspipeline.schemas.channel.Broadcast>(
                new InMemorySchemaRegistry().put(10, org.hlspipeline.schemas.channel.Broadcast.getClassSchema()))
                .serialize("hls.broadcasts", broadcast);

        assertThatThrownBy(() -> deserializer.deserialize("hls.stream-events", body))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessage("schema id 10 is org.hlspipeline.schemas.channel.Broadcast, the pipeline's type of another "
                        + "topic, not org.hlspipeline.schemas.stream.StreamEvent: a record written to the wrong topic?");
    }

    @Test
    void anUnreachableRegistryIsNotABadRecord() {
        SchemaRegistry down = new SchemaRegistry() {
            @Override
            public int register(String subject, Schema schema) {
                throw new SchemaRegistryException("registry is down");
            }

            @Override
            public Schema schemaById(int id) {
                throw new SchemaRegistryException("registry is down");
            }
        };

        assertThatThrownBy(() -> new AvroDeserializer<>(StreamEvent.class, down).deserialize("t", validEndOfStream()))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void aRecordTheSchemaCannotHoldFailsAsSerialization() {
        StreamEvent incomplete = new StreamEvent(); // streamId and payload are null

        assertThatThrownBy(() -> new AvroSerializer<StreamEvent>(registry).serialize("t", incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("cannot write org.hlspipeline.schemas.stream.StreamEvent to topic t");
    }
}
