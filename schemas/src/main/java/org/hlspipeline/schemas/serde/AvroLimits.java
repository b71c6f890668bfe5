package org.hlspipeline.schemas.serde;

import org.apache.avro.SystemLimitException;

/**
 * Bounds on what one Avro body may claim, so that a record of a few bytes cannot make the reader allocate
 * gigabytes. Avro allocates an array or string of the length a body announces before reading it, up to about
 * 2^31 entries by default: a 20-byte record claiming 2 billion items ends in an OutOfMemoryError, which is no
 * verdict on the record (it would be read again and again) where a refusal is a dead letter (see
 * docs/input-rules.md, Lists).
 *
 * <p>Avro reads these system properties once, when it first checks a length. They are set as the serde and the
 * state codecs load, only when the operator has not set them, and Avro is then asked to read them again, in case
 * some other reader (a generated class's own decoder) got there first.
 */
public final class AvroLimits {

    /** Items of one array or map: far above any list the pipeline's records may carry. */
    public static final long MAX_COLLECTION_ITEMS = 1_000_000;
    /** Bytes of one string or bytes value: far above the largest record a topic takes by default (1 MiB). */
    public static final long MAX_STRING_BYTES = 16L * 1024 * 1024;

    private AvroLimits() {
    }

    /** Sets Avro's limits unless set already; call before the first Avro body is read. */
    public static void apply() {
        setIfAbsent(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY, MAX_COLLECTION_ITEMS);
        setIfAbsent(SystemLimitException.MAX_STRING_LENGTH_PROPERTY, MAX_STRING_BYTES);
        setIfAbsent(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY, MAX_STRING_BYTES);
        try {
            java.lang.reflect.Method reset = SystemLimitException.class.getDeclaredMethod("resetLimits");
            reset.setAccessible(true);
            reset.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not reachable in this runtime: the properties still hold if Avro had not read them yet.
        }
    }

    private static void setIfAbsent(String property, long value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, Long.toString(value));
        }
    }
}
