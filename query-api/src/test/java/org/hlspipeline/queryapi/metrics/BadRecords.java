package org.hlspipeline.queryapi.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.hlspipeline.schemas.serde.ConfluentWireFormat;

/** The bytes of records no producer of the pipeline's own would write, built the way the wire format is read. */
final class BadRecords {

    /** A record of a schema that is none of the pipeline's, as some other application's producer writes it. */
    static final Schema FOREIGN = SchemaBuilder.record("Thumbnail").namespace("com.example.media").fields()
            .requiredString("url").requiredInt("width").endRecord();

    private BadRecords() {
    }

    static byte[] json() {
        return "{\"streamId\": \"mix-a\", \"sequence\": 1}".getBytes(StandardCharsets.UTF_8);
    }

    /** The wire format's header with an id no registry gave out, before a plausible body. */
    static byte[] unknownSchemaId() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ConfluentWireFormat.writeHeader(out, 987_654);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.writeBytes(new byte[] {0x0a, 'm', 'i', 'x', '-', 'a', 0x00, 0x00});
        return out.toByteArray();
    }

    static byte[] foreign(int schemaId) {
        GenericData.Record thumbnail = new GenericData.Record(FOREIGN);
        thumbnail.put("url", "https://cdn.example/thumb.jpg");
        thumbnail.put("width", 320);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ConfluentWireFormat.writeHeader(out, schemaId);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new GenericDatumWriter<GenericData.Record>(FOREIGN).write(thumbnail, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code valid} cut after {@code keep} bytes, followed by a length or count of {@code claimed}. */
    static byte[] claiming(byte[] valid, int keep, long claimed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(valid, 0, keep);
        long zigzag = claimed << 1;
        while ((zigzag & ~0x7FL) != 0) {
            out.write((int) ((zigzag & 0x7F) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
        return out.toByteArray();
    }
}
