package org.hlspipeline.processor.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.function.Function;

import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.hlspipeline.schemas.serde.AvroLimits;

/**
 * Turns a domain value into store bytes and back, through an Avro state record in single-object encoding
 * (a two-byte marker and the schema's fingerprint before the body). The fingerprint lets a later release read
 * changelogs written by an earlier one: register the old schema with the decoder and Avro resolves it.
 *
 * <p>The same codec serves the state stores and the interactive-query forwarding between instances, so a
 * forwarded value is decoded exactly as a local one.
 */
public final class StateCodec<T, A extends SpecificRecord> {

    static {
        // Stores may be restored before any topic record is read: the same bounds on what a body may claim.
        AvroLimits.apply();
    }

    private final BinaryMessageEncoder<A> encoder;
    private final BinaryMessageDecoder<A> decoder;
    private final Function<T, A> toRecord;
    private final Function<A, T> fromRecord;

    public StateCodec(BinaryMessageEncoder<A> encoder, BinaryMessageDecoder<A> decoder,
                      Function<T, A> toRecord, Function<A, T> fromRecord) {
        this.encoder = encoder;
        this.decoder = decoder;
        this.toRecord = toRecord;
        this.fromRecord = fromRecord;
    }

    public byte[] encode(T value) {
        return encodeRecord(encoder, toRecord.apply(value));
    }

    /**
     * A decoder of the current schema that also reads values written with earlier ones: each a frozen schema file
     * next to the state classes ({@code org/hlspipeline/schemas/state/}), so that changelogs written by an earlier
     * release still restore.
     */
    public static <A> BinaryMessageDecoder<A> decoderOf(org.apache.avro.Schema current, Class<A> type,
                                                       String... earlierSchemaFiles) {
        BinaryMessageDecoder<A> decoder = new BinaryMessageDecoder<>(
                org.apache.avro.specific.SpecificData.getForClass(type), current);
        for (String file : earlierSchemaFiles) {
            try (java.io.InputStream in = type.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("earlier state schema " + file + " is missing from the jar");
                }
                decoder.addSchema(new org.apache.avro.Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read earlier state schema " + file, e);
            }
        }
        return decoder;
    }

    public T decode(byte[] bytes) {
        return fromRecord.apply(decodeRecord(decoder, bytes));
    }

    /** A state record in single-object encoding, for codecs that map more than one record to one value. */
    public static <A> byte[] encodeRecord(BinaryMessageEncoder<A> encoder, A record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <A> A decodeRecord(BinaryMessageDecoder<A> decoder, byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable state record", e);
        }
    }

    public Serde<T> serde() {
        return Serdes.serdeFrom(
                (topic, value) -> value == null ? null : encode(value),
                (topic, bytes) -> bytes == null ? null : decode(bytes));
    }
}
