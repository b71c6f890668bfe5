package org.hlspipeline.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.hlspipeline.schemas.stream.LiveWindow;
import org.hlspipeline.schemas.stream.StreamEvent;
import org.junit.jupiter.api.Test;

class BundledSchemaRegistryTest {

    private final BundledSchemaRegistry registry = new BundledSchemaRegistry();

    @Test
    void theCurrentStreamEventSchemaIsBundled() {
        assertThat(registry.register("hls.stream-events-value", StreamEvent.getClassSchema()))
                .as("StreamEvent.avsc changed: freeze the new version as a new BundledSchemas entry with the next id "
                        + "(never edit an existing one)")
                .isEqualTo(BundledSchemas.STREAM_EVENT_V3.id());
    }

    @Test
    void theCurrentLiveWindowSchemaIsBundled() {
        assertThat(registry.register("hls.live-windows-value", LiveWindow.getClassSchema()))
                .as("LiveWindow.avsc changed: freeze the new version as a new BundledSchemas entry with the next id")
                .isEqualTo(BundledSchemas.LIVE_WINDOW_V2.id());
    }

    @Test
    void streamEventGetsItsFixedIdWhateverTheSubject() {
        assertThat(registry.register("renamed.stream-events-value", StreamEvent.getClassSchema())).isEqualTo(9);
        assertThat(registry.register("anything", StreamEvent.getClassSchema())).isEqualTo(9);
        assertThat(registry.register("anything", BundledSchemas.STREAM_EVENT_V1.schema())).isEqualTo(1);
    }

    @Test
    void schemaByIdGivesTheFrozenSchema() {
        Schema frozen = registry.schemaById(9);

        assertThat(SchemaNormalization.parsingFingerprint64(frozen))
                .isEqualTo(SchemaNormalization.parsingFingerprint64(StreamEvent.getClassSchema()));
        assertThat(frozen.getFullName()).isEqualTo("org.hlspipeline.schemas.stream.StreamEvent");
        // The first version stays what it was: records written with id 1 still decode with it.
        assertThat(SchemaNormalization.parsingFingerprint64(registry.schemaById(1)))
                .isNotEqualTo(SchemaNormalization.parsingFingerprint64(frozen));
    }

    @Test
    void anUnknownSchemaIsRefusedWithAWayOut() {
        Schema foreign = SchemaBuilder.record("Foreign").namespace("com.example").fields()
                .requiredString("a").endRecord();

        assertThatThrownBy(() -> registry.register("hls.stream-events-value", foreign))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("embedded mode only knows the project's own schemas")
                .hasMessageContaining("com.example.Foreign")
                .hasMessageContaining("SCHEMA_REGISTRY_URL");
    }

    @Test
    void anUnknownIdIsSchemaNotFound() {
        assertThatThrownBy(() -> registry.schemaById(42))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.schemaNotFound()).isTrue())
                .hasMessageContaining("schema id 42");
    }

    @Test
    void idsAreUniqueAndPositive() {
        assertThat(BundledSchemas.ALL).extracting(BundledSchema::id).doesNotHaveDuplicates().allMatch(id -> id > 0);
    }

    @Test
    void aTableReusingAnIdIsRejected() {
        Schema other = SchemaBuilder.record("Other").fields().requiredString("a").endRecord();

        assertThatThrownBy(() -> new BundledSchemaRegistry(List.of(
                BundledSchemas.STREAM_EVENT_V1, new BundledSchema(1, "other-value", other))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 1 is used twice");
    }

    @Test
    void aTableListingOneEncodingTwiceIsRejected() {
        assertThatThrownBy(() -> new BundledSchemaRegistry(List.of(
                BundledSchemas.STREAM_EVENT_V3,
                new BundledSchema(2, "hls.stream-events-value", StreamEvent.getClassSchema()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same parsing canonical form");
    }
}
