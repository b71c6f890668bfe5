package org.hlspipeline.queryapi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.hlspipeline.queryapi.registry.SchemaLogRecord.ConfigRemoved;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SchemaVersion;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SubjectConfig;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.VersionRemoved;
import org.junit.jupiter.api.Test;

class SchemaLogCodecTest {

    @Test
    void everyRecordRoundTrips() {
        for (SchemaLogRecord record : List.of(new SchemaVersion("s-value", 3, 7, "\"string\"", true),
                new VersionRemoved("s-value", 3), new SubjectConfig(null, Compatibility.FULL),
                new SubjectConfig("s-value", Compatibility.NONE), new ConfigRemoved("s-value"),
                new ConfigRemoved(null))) {
            SchemaLogCodec.Encoded encoded = SchemaLogCodec.encode(record);
            assertThat(SchemaLogCodec.decode(encoded.key(), encoded.value())).hasValue(record);
        }
    }

    /** Records as Confluent's Schema Registry writes them to its _schemas topic (its documented key format). */
    @Test
    void readsConfluentsOwnRecordsAndPassesOverTheTypesItDoesNotServe() {
        assertThat(SchemaLogCodec.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}"),
                bytes("{\"subject\":\"t-value\",\"version\":1,\"id\":100001,\"schema\":\"\\\"string\\\"\","
                        + "\"deleted\":false}")))
                .hasValue(new SchemaVersion("t-value", 1, 100001, "\"string\"", false));
        assertThat(SchemaLogCodec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), bytes("{}"))).isEmpty();
        assertThat(SchemaLogCodec.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"p\",\"version\":1,\"magic\":1}"),
                bytes("{\"subject\":\"p\",\"version\":1,\"id\":9,\"schemaType\":\"PROTOBUF\",\"schema\":\"x\"}")))
                .isEmpty();
        assertThat(SchemaLogCodec.decode(bytes("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}"),
                bytes("{\"compatibilityLevel\":\"FORWARD\"}")))
                .hasValue(new SubjectConfig(null, Compatibility.FORWARD));
    }

    @Test
    void aMalformedRecordIsRefusedWithAReason() {
        assertThatThrownBy(() -> SchemaLogCodec.decode(bytes("nope"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> SchemaLogCodec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\"}"),
                bytes("{}"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
