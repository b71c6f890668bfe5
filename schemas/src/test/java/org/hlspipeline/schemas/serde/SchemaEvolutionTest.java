package org.hlspipeline.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.hlspipeline.schemas.registry.InMemorySchemaRegistry;
import org.hlspipeline.schemas.stream.Segment;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;

/** New fields get defaults, so this build reads older records and older builds read this build's records. */
class SchemaEvolutionTest {

    /** StreamEvent before eventId, with a Segment before programDateTime and discontinuity. */
    private static final Schema OLDER = new Schema.Parser().parse("""
            {"type": "record", "name": "StreamEvent", "namespace": "org.hlspipeline.schemas.stream", "fields": [
              {"name": "streamId", "type": "string"},
              {"name": "payload", "type": [
                {"type": "record", "name": "Segment", "fields": [
                  {"name": "rendition", "type": "string"},
                  {"name": "sequence", "type": "long"},
                  {"name": "durationMicros", "type": "long"},
                  {"name": "uri", "type": "string"}]},
                {"type": "record", "name": "RenditionInfo", "fields": [
                  {"name": "rendition", "type": "string"},
                  {"name": "bandwidth", "type": "long"}]},
                {"type": "record", "name": "EndOfStream", "fields": [
                  {"name": "reason", "type": ["null", "string"], "default": null}]}]}]}
            """);

    /** A future StreamEvent: a new envelope field, new Segment fields (one in the middle) and a new payload type. */
    private static final Schema NEWER = new Schema.Parser().parse("""
            {"type": "record", "name": "StreamEvent", "namespace": "org.hlspipeline.schemas.stream", "fields": [
              {"name": "streamId", "type": "string"},
              {"name": "eventId", "type": ["null", "string"], "default": null},
              {"name": "traceParent", "type": ["null", "string"], "default": null},
              {"name": "payload", "type": [
                {"type": "record", "name": "Segment", "fields": [
                  {"name": "rendition", "type": "string"},
                  {"name": "sequence", "type": "long"},
                  {"name": "durationMicros", "type": "long"},
                  {"name": "uri", "type": "string"},
                  {"name": "byteLength", "type": "long", "default": 0},
                  {"name": "programDateTime", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}],
                   "default": null},
                  {"name": "discontinuity", "type": "boolean", "default": false},
                  {"name": "title", "type": ["null", "string"], "default": null}]},
                {"type": "record", "name": "RenditionInfo", "fields": [
                  {"name": "rendition", "type": "string"},
                  {"name": "bandwidth", "type": "long"},
                  {"name": "averageBandwidth", "type": ["null", "long"], "default": null},
                  {"name": "resolution", "type": ["null", "string"], "default": null},
                  {"name": "codecs", "type": ["null", "string"], "default": null},
                  {"name": "frameRate", "type": ["null", "double"], "default": null}]},
                {"type": "record", "name": "EndOfStream", "fields": [
                  {"name": "reason", "type": ["null", "string"], "default": null}]},
                {"type": "record", "name": "AdBreak", "fields": [
                  {"name": "durationMicros", "type": "long"}]}]}]}
            """);

    private static final int OLDER_ID = 100;
    private static final int NEWER_ID = 300;

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry()
            .put(OLDER_ID, OLDER)
            .put(NEWER_ID, NEWER);
    private final AvroDeserializer<StreamEvent> currentReader = new AvroDeserializer<>(StreamEvent.class, registry);

    @Test
    void anOlderWritersRecordReadsWithDefaults() {
        GenericRecord segment = new GenericData.Record(OLDER.getField("payload").schema().getTypes().get(0));
        segment.put("rendition", "480p");
        segment.put("sequence", 9L);
        segment.put("durationMicros", 4_000_000L);
        segment.put("uri", "https://cdn.example/480p/9.ts");
        GenericRecord event = new GenericData.Record(OLDER);
        event.put("streamId", "cam-1");
        event.put("payload", segment);

        StreamEvent read = currentReader.deserialize("hls.stream-events",
                Frames.frame(OLDER_ID, Frames.genericBody(OLDER, event)));

        assertThat(read).isEqualTo(StreamEvent.newBuilder()
                .setStreamId("cam-1")
                .setEventId(null)
                .setPayload(Segment.newBuilder()
                        .setRendition("480p")
                        .setSequence(9)
                        .setDurationMicros(4_000_000)
                        .setUri("https://cdn.example/480p/9.ts")
                        .setProgramDateTime(null)
                        .setDiscontinuity(false)
                        .build())
                .build());
    }

    @Test
    void aNewerWritersRecordReadsWithoutTheFieldsThisBuildDoesNotKnow() {
        Schema segmentSchema = NEWER.getField("payload").schema().getTypes().get(0);
        GenericRecord segment = new GenericData.Record(segmentSchema);
        segment.put("rendition", "1080p");
        segment.put("sequence", 77L);
        segment.put("durationMicros", 2_002_000L);
        segment.put("uri", "seg/77.m4s");
        segment.put("byteLength", 1_234_567L);
        segment.put("programDateTime", Instant.parse("2025-01-02T03:04:05.678Z").toEpochMilli());
        segment.put("discontinuity", true);
        segment.put("title", "kick-off");
        GenericRecord event = new GenericData.Record(NEWER);
        event.put("streamId", "cam-2");
        event.put("eventId", "e-77");
        event.put("traceParent", "00-abc-def-01");
        event.put("payload", segment);

        StreamEvent read = currentReader.deserialize("hls.stream-events",
                Frames.frame(NEWER_ID, Frames.genericBody(NEWER, event)));

        assertThat(read).isEqualTo(StreamEvent.newBuilder()
                .setStreamId("cam-2")
                .setEventId("e-77")
                .setPayload(Segment.newBuilder()
                        .setRendition("1080p")
                        .setSequence(77)
                        .setDurationMicros(2_002_000)
                        .setUri("seg/77.m4s")
                        .setProgramDateTime(Instant.parse("2025-01-02T03:04:05.678Z"))
                        .setDiscontinuity(true)
                        .build())
                .build());
    }

    @Test
    void aNewerPayloadTypeIsABadRecordButDoesNotSpoilTheSchemaId() {
        // Left to Avro, this record would be read as an EndOfStream, the only branch it fits structurally.
        Schema adBreakSchema = NEWER.getField("payload").schema().getTypes().get(3);
        GenericRecord adBreak = new GenericData.Record(adBreakSchema);
        adBreak.put("durationMicros", 30_000_000L);
        GenericRecord event = new GenericData.Record(NEWER);
        event.put("streamId", "cam-2");
        event.put("payload", adBreak);

        assertThatThrownBy(() -> currentReader.deserialize("hls.stream-events",
                Frames.frame(NEWER_ID, Frames.genericBody(NEWER, event))))
                .isInstanceOf(AvroDeserializationException.class)
                .hasMessageStartingWith("schema id 300 (org.hlspipeline.schemas.stream.StreamEvent) cannot be read as "
                        + "org.hlspipeline.schemas.stream.StreamEvent")
                .hasMessageContaining("StreamEvent.payload holds org.hlspipeline.schemas.stream.AdBreak");

        aNewerWritersRecordReadsWithoutTheFieldsThisBuildDoesNotKnow();
    }

    @Test
    void onlyWriterSchemasWithUnknownBranchesPayForTheGuard() {
        Schema current = StreamEvent.getClassSchema();

        assertThat(UnionBranchGuard.forSchemas(current, current)).isNull();
        assertThat(UnionBranchGuard.forSchemas(OLDER, current)).isNull();
        assertThat(UnionBranchGuard.forSchemas(NEWER, current)).isNotNull();
    }
}
