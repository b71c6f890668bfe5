package org.hlspipeline.schemas.serde;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DecoderFactory;

/**
 * Stops a newer producer's union branch from being read as a different, older branch.
 *
 * <p>Avro's Java resolver does not fail on a writer record branch that the reader's union lacks: it picks the first
 * reader branch the record resolves to structurally. A future payload type would thus be read as
 * {@code EndOfStream}, whose only field has a default, and end the stream. For the few writer schemas that have
 * such branches, each record is first decoded with its writer schema alone and checked for them; writer schemas
 * without them (the normal case) cost nothing.
 */
final class UnionBranchGuard {

    private final Schema writer;
    private final Schema reader;
    private final GenericDatumReader<Object> plainReader;

    private UnionBranchGuard(Schema writer, Schema reader) {
        this.writer = writer;
        this.reader = reader;
        this.plainReader = new GenericDatumReader<>(writer, writer, GenericData.get());
    }

    /** A guard when some union in {@code writer} has a named branch the matching union in {@code reader} lacks. */
    static UnionBranchGuard forSchemas(Schema writer, Schema reader) {
        return hasUnknownBranch(writer, reader, new HashSet<>()) ? new UnionBranchGuard(writer, reader) : null;
    }

    /** Throws when this record uses a branch the reader lacks; corrupt bytes are left to the real decode. */
    void check(byte[] data, int offset, int length, int schemaId) {
        Object datum;
        try {
            datum = plainReader.read(null, DecoderFactory.get().binaryDecoder(data, offset, length, null));
        } catch (IOException | RuntimeException corrupt) {
            return;
        }
        String unknown = unknownBranchIn(writer, reader, datum, writer.getName());
        if (unknown != null) {
            throw new AvroDeserializationException("schema id " + schemaId + " (" + writer.getFullName()
                    + ") cannot be read as "
                    + reader.getFullName() + ": " + unknown + ", a type this build does not know (written by a newer "
                    + "producer?)");
        }
    }

    private static boolean hasUnknownBranch(Schema w, Schema r, Set<List<Schema>> seen) {
        switch (w.getType()) {
            case RECORD:
                if (r.getType() != Schema.Type.RECORD || !seen.add(List.of(w, r))) {
                    return false;
                }
                for (Schema.Field field : w.getFields()) {
                    Schema.Field readerField = r.getField(field.name());
                    if (readerField != null && hasUnknownBranch(field.schema(), readerField.schema(), seen)) {
                        return true;
                    }
                }
                return false;
            case ARRAY:
                return r.getType() == Schema.Type.ARRAY && hasUnknownBranch(w.getElementType(), r.getElementType(), seen);
            case MAP:
                return r.getType() == Schema.Type.MAP && hasUnknownBranch(w.getValueType(), r.getValueType(), seen);
            case UNION:
                for (Schema branch : w.getTypes()) {
                    Schema readerBranch = r.getType() == Schema.Type.UNION ? matchingBranch(branch, r) : r;
                    if (readerBranch == null ? isNamed(branch) : hasUnknownBranch(branch, readerBranch, seen)) {
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    private static String unknownBranchIn(Schema w, Schema r, Object datum, String path) {
        switch (w.getType()) {
            case RECORD:
                if (r.getType() != Schema.Type.RECORD) {
                    return null;
                }
                IndexedRecord record = (IndexedRecord) datum;
                for (Schema.Field field : w.getFields()) {
                    Schema.Field readerField = r.getField(field.name());
                    if (readerField != null) {
                        String unknown = unknownBranchIn(field.schema(), readerField.schema(), record.get(field.pos()),
                                path + "." + field.name());
                        if (unknown != null) {
                            return unknown;
                        }
                    }
                }
                return null;
            case ARRAY:
                if (r.getType() == Schema.Type.ARRAY) {
                    for (Object element : (Collection<?>) datum) {
                        String unknown = unknownBranchIn(w.getElementType(), r.getElementType(), element, path + "[]");
                        if (unknown != null) {
                            return unknown;
                        }
                    }
                }
                return null;
            case MAP:
                if (r.getType() == Schema.Type.MAP) {
                    for (Object value : ((Map<?, ?>) datum).values()) {
                        String unknown = unknownBranchIn(w.getValueType(), r.getValueType(), value, path + "{}");
                        if (unknown != null) {
                            return unknown;
                        }
                    }
                }
                return null;
            case UNION:
                Schema branch = w.getTypes().get(GenericData.get().resolveUnion(w, datum));
                if (r.getType() != Schema.Type.UNION) {
                    return unknownBranchIn(branch, r, datum, path);
                }
                Schema readerBranch = matchingBranch(branch, r);
                if (readerBranch == null) {
                    return isNamed(branch) ? path + " holds " + branch.getFullName() : null;
                }
                return unknownBranchIn(branch, readerBranch, datum, path);
            default:
                return null;
        }
    }

    /** The reader branch Avro's spec says a writer branch resolves to: same type and, for named types, same name. */
    private static Schema matchingBranch(Schema writerBranch, Schema readerUnion) {
        for (Schema candidate : readerUnion.getTypes()) {
            if (candidate.getType() != writerBranch.getType()) {
                continue;
            }
            if (!isNamed(writerBranch) || candidate.getFullName().equals(writerBranch.getFullName())
                    || candidate.getName().equals(writerBranch.getName())) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean isNamed(Schema schema) {
        return schema.getType() == Schema.Type.RECORD || schema.getType() == Schema.Type.ENUM
                || schema.getType() == Schema.Type.FIXED;
    }
}
