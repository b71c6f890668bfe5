package org.hlspipeline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.hlspipeline.schemas.registry.BundledSchemas;
import org.hlspipeline.schemas.registry.InMemorySchemaRegistry;
import org.hlspipeline.schemas.stream.EndOfStream;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;

/** The serde against bytes laid out by hand, so that a mistake in both directions cannot cancel out. */
class ConfluentWireFormatTest {

    // Every header byte differs, so a little-endian or shifted id cannot pass.
    private static final int SCHEMA_ID = 0x0A0B0C0D;
    private static final Instant PROGRAM_DATE_TIME = Instant.parse("2024-03-01T12:00:00.123Z");

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry().put(SCHEMA_ID, StreamEvent.getClassSchema());

    private static StreamEvent segmentEvent() {
        return StreamEvent.newBuilder()
                .setStreamId("cam-7")
                .setEventId("evt-1")
                .setPayload(Segment.newBuilder()
                        .setRendition("720p")
                        .setSequence(42)
                        .setDurationMicros(6_006_000)
                        .setUri("seg/42.ts")
                        .setProgramDateTime(PROGRAM_DATE_TIME)
                        .setDiscontinuity(true)
                        .build())
                .build();
    }

    /** Header by explicit shifts, body field by field in the schema's declared order. */
    private static byte[] handBuiltSegmentEvent() throws IOException {
        return handBuiltSegmentEvent(SCHEMA_ID, true);
    }

    /** @param current with the fields version 2 added (map, byteRange, key, all null), else as version 1 wrote it */
    private static byte[] handBuiltSegmentEvent(int schemaId, boolean current) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x00);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16 & 0xff);
        out.write(schemaId >>> 8 & 0xff);
        out.write(schemaId & 0xff);
        BinaryEncoder body = EncoderFactory.get().binaryEncoder(out, null);
        body.writeString("cam-7");                       // streamId
        body.writeIndex(1);                              // eventId: ["null", "string"] -> string
        body.writeString("evt-1");
        body.writeIndex(0);                              // payload: [Segment, RenditionInfo, EndOfStream] -> Segment
        body.writeString("720p");                        // rendition
        body.writeLong(42);                              // sequence
        body.writeLong(6_006_000);                       // durationMicros
        body.writeString("seg/42.ts");                   // uri
        body.writeIndex(1);                              // programDateTime: ["null", timestamp-millis] -> long
        body.writeLong(PROGRAM_DATE_TIME.toEpochMilli());
        body.writeBoolean(true);                         // discontinuity
        if (current) {
            body.writeIndex(0);                          // map: ["null", InitSection] -> null
            body.writeIndex(0);                          // byteRange: ["null", ByteRange] -> null
            body.writeIndex(0);                          // key: ["null", SegmentKey] -> null
        }
        body.flush();
        return out.toByteArray();
    }

    @Test
    void theHandLayoutFollowsTheSchemasFieldOrder() {
        Schema event = StreamEvent.getClassSchema();
        assertThat(event.getFields()).extracting(Schema.Field::name).containsExactly("streamId", "eventId", "payload");
        assertThat(event.getField("eventId").schema().getTypes()).extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        assertThat(event.getField("payload").schema().getTypes()).extracting(Schema::getName)
                .containsExactly("Segment", "RenditionInfo", "EndOfStream");
        assertThat(Segment.getClassSchema().getFields()).extracting(Schema.Field::name)
                .containsExactly("rendition", "sequence", "durationMicros", "uri", "programDateTime", "discontinuity",
                        "map", "byteRange", "key");
        assertThat(Segment.getClassSchema().getField("programDateTime").schema().getTypes()).extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.LONG);
    }

    @Test
    void handBuiltBytesDecodeIntoASegmentEvent() throws IOException {
        StreamEvent read = new AvroDeserializer<>(StreamEvent.class, registry)
                .deserialize("hls.stream-events", handBuiltSegmentEvent());

        assertThat(read).isEqualTo(segmentEvent());
        assertThat(read.getPayload()).isInstanceOf(Segment.class);
        assertThat(((Segment) read.getPayload()).getProgramDateTime()).isEqualTo(PROGRAM_DATE_TIME);
    }

    /** A record version 1 wrote (id 1, without the three fields) reads into today's class with them null. */
    @Test
    void aVersionOneRecordStillDecodes() throws IOException {
        InMemorySchemaRegistry both = new InMemorySchemaRegistry().put(1, BundledSchemas.STREAM_EVENT_V1.schema());

        StreamEvent read = new AvroDeserializer<>(StreamEvent.class, both)
                .deserialize("hls.stream-events", handBuiltSegmentEvent(1, false));

        assertThat(read).isEqualTo(segmentEvent());
    }

    @Test
    void theSerializerWritesExactlyTheHandBuiltBytes() throws IOException {
        byte[] written = new AvroSerializer<StreamEvent>(registry).serialize("hls.stream-events", segmentEvent());

        assertThat(written).isEqualTo(handBuiltSegmentEvent());
        assertThat(registry.registeredSubjects()).containsExactly("hls.stream-events-value");
    }

    @Test
    void aSmallEventMatchesLiteralBytes() {
        StreamEvent end = StreamEvent.newBuilder().setStreamId("s").setEventId(null)
                .setPayload(EndOfStream.newBuilder().setReason(null).build()).build();
        byte[] literal = {
                0x00, 0x0A, 0x0B, 0x0C, 0x0D, // magic, schema id big-endian
                0x02, 's',                    // streamId: zig-zag length 1, "s"
                0x00,                         // eventId: union branch 0 (null)
                0x04,                         // payload: union branch 2 (EndOfStream)
                0x00};                        // reason: union branch 0 (null)

        assertThat(new AvroSerializer<StreamEvent>(registry).serialize("t", end)).isEqualTo(literal);
        assertThat(new AvroDeserializer<>(StreamEvent.class, registry).deserialize("t", literal)).isEqualTo(end);
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertThat(new AvroSerializer<StreamEvent>(registry).serialize("t", null)).isNull();
        assertThat(new AvroDeserializer<>(StreamEvent.class, registry).deserialize("t", null)).isNull();
        assertThat(registry.registeredSubjects()).isEmpty();
    }

    @Test
    void theHeaderHelperWritesBigEndian() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfluentWireFormat.writeHeader(out, SCHEMA_ID);

        assertThat(out.toByteArray()).containsExactly(0x00, 0x0A, 0x0B, 0x0C, 0x0D);
        assertThat(ConfluentWireFormat.readSchemaId(Frames.frame(SCHEMA_ID, new byte[0]))).isEqualTo(SCHEMA_ID);
        assertThat(ConfluentWireFormat.readSchemaId(Frames.frame(Integer.MAX_VALUE, new byte[0])))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void keySerdeRegistersUnderTheKeySubject() {
        AvroSerde<StreamEvent> keys = AvroSerde.forKey(StreamEvent.class, registry);

        byte[] bytes = keys.serializer().serialize("hls.stream-events", segmentEvent());

        assertThat(registry.registeredSubjects()).containsExactly("hls.stream-events-key");
        assertThat(keys.deserializer().deserialize("hls.stream-events", bytes)).isEqualTo(segmentEvent());
    }

    @Test
    void manyThreadsShareOneSerde() throws Exception {
        AvroSerde<StreamEvent> serde = AvroSerde.of(StreamEvent.class, registry);
        byte[] expected = handBuiltSegmentEvent();
        List<Thread> threads = new java.util.ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        byte[] bytes = serde.serializer().serialize("hls.stream-events", segmentEvent());
                        assertThat(bytes).isEqualTo(expected);
                        assertThat(serde.deserializer().deserialize("hls.stream-events", bytes)).isEqualTo(segmentEvent());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }
}
