package org.hlspipeline.processor.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes a state value the way an earlier release did: the current bytes are read with the earlier, frozen schema
 * (which drops what that release did not know) and encoded under its fingerprint. Decoding the result proves that a
 * store's codec still restores changelogs written before its schema last evolved.
 */
public final class EarlierStateSchemas {

    private EarlierStateSchemas() {
    }

    /**
     * @param current single-object bytes of the current schema, holding nothing the earlier schema lacks
     * @param type    the generated state class, next to which the frozen files live
     * @param file    the frozen earlier schema, for instance {@code ChannelTimelineRecord-v1.avsc}
     */
    public static byte[] asWrittenBy(String file, Class<? extends SpecificRecord> type, Schema currentSchema,
                                     byte[] current) {
        Schema earlier = frozen(type, file);
        BinaryMessageDecoder<GenericRecord> reader = new BinaryMessageDecoder<>(GenericData.get(), earlier);
        reader.addSchema(currentSchema);
        try {
            GenericRecord old = reader.decode(current);
            ByteBuffer bytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), earlier).encode(old);
            byte[] stored = new byte[bytes.remaining()];
            bytes.get(stored);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema frozen(Class<?> type, String file) {
        try (InputStream in = type.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalArgumentException("no frozen schema " + file + " next to " + type.getName());
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
