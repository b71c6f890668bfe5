package org.hlspipeline.queryapi.registry;

import java.util.List;

/**
 * What a registry request answers and the records it appends to the schemas topic to get there (none when the
 * request changes nothing, such as registering a schema the subject already has).
 */
record Change<T>(T answer, List<SchemaLogRecord> records) {

    Change {
        records = List.copyOf(records);
    }

    static <T> Change<T> none(T answer) {
        return new Change<>(answer, List.of());
    }

    static <T> Change<T> of(T answer, SchemaLogRecord... records) {
        return new Change<>(answer, List.of(records));
    }
}
