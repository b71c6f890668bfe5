package org.hlspipeline.schemas.serde;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The Confluent wire format header: byte 0 is the magic byte {@code 0x00}, bytes 1 to 4 the schema id as a
 * big-endian int32; the Avro binary body follows. Written out byte by byte so that Python and Go clients built on
 * Confluent's libraries read our records and we read theirs.
 */
public final class ConfluentWireFormat {

    public static final byte MAGIC_BYTE = 0x00;
    public static final int HEADER_LENGTH = 5;

    private ConfluentWireFormat() {
    }

    public static void writeHeader(OutputStream out, int schemaId) throws IOException {
        out.write(MAGIC_BYTE);
        out.write(schemaId >>> 24);
        out.write(schemaId >>> 16);
        out.write(schemaId >>> 8);
        out.write(schemaId);
    }

    /**
     * The schema id from the header of {@code record}, after checking that it is the Confluent wire format.
     *
     * @throws AvroDeserializationException when the record is too short or starts with another byte
     */
    public static int readSchemaId(byte[] record) {
        if (record.length < HEADER_LENGTH) {
            throw new AvroDeserializationException("not Confluent wire format: " + record.length
                    + " bytes, shorter than the " + HEADER_LENGTH + "-byte header (magic byte + schema id)");
        }
        if (record[0] != MAGIC_BYTE) {
            throw new AvroDeserializationException(String.format(
                    "not Confluent wire format: magic byte 0x%02x, expected 0x00%s", record[0] & 0xff,
                    record[0] == '{' ? " (this looks like JSON)" : ""));
        }
        return (record[1] & 0xff) << 24 | (record[2] & 0xff) << 16 | (record[3] & 0xff) << 8 | record[4] & 0xff;
    }
}
