package org.hlspipeline.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/** Builds Confluent wire-format records without the code under test. */
final class Frames {

    private Frames() {
    }

    static byte[] frame(int schemaId, byte[] body) {
        return ByteBuffer.allocate(5 + body.length)
                .put((byte) 0x00)
                .putInt(schemaId) // ByteBuffer is big-endian unless told otherwise
                .put(body)
                .array();
    }

    /** The Avro binary body of a generic datum, as any other Avro implementation would write it. */
    static byte[] genericBody(Schema writerSchema, Object datum) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<>(writerSchema, GenericData.get()).write(datum, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
