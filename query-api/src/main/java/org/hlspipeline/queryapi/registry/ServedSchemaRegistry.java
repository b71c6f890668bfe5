package org.hlspipeline.queryapi.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.hlspipeline.schemas.registry.BundledSchemas;
import org.hlspipeline.schemas.registry.SchemaRegistry;
import org.hlspipeline.schemas.registry.SchemaRegistryException;

/**
 * The app's own serdes, on the registry this instance serves: ids come from the schemas topic, so a record a
 * third-party producer wrote with a schema it registered itself decodes here too. The bundled schemas are seeded
 * under their fixed ids, so records producer-tools writes without asking any registry mean the same.
 */
final class ServedSchemaRegistry implements SchemaRegistry {

    private final SchemaLog log;
    private final Map<Integer, Schema> parsed = new ConcurrentHashMap<>();

    ServedSchemaRegistry(SchemaLog log) {
        this.log = log;
    }

    void seed() {
        log.write(state -> RegistryRequests.seed(state, BundledSchemas.ALL));
    }

    @Override
    public int register(String subject, Schema schema) {
        try {
            Change<SchemaLogRecord.SchemaVersion> known = RegistryRequests.register(log.current(), subject,
                    schema.toString());
            if (known.records().isEmpty()) {
                return known.answer().id();
            }
            return log.write(state -> RegistryRequests.register(state, subject, schema.toString())).id();
        } catch (RegistryError e) {
            throw new SchemaRegistryException(e.getMessage(), e.httpStatus(), e.errorCode(), e);
        }
    }

    @Override
    public Schema schemaById(int id) {
        Schema schema = parsed.get(id);
        if (schema != null) {
            return schema;
        }
        try {
            // An id this instance has not read yet may have been registered a moment ago elsewhere.
            String text = log.current().schema(id).or(() -> log.caughtUp().schema(id))
                    .orElseThrow(() -> new SchemaRegistryException("schema id " + id + " is not registered in "
                            + "this application's schemas topic", SchemaRegistryException.NONE,
                            SchemaRegistryException.SCHEMA_NOT_FOUND, null));
            schema = new Schema.Parser().parse(text);
        } catch (RegistryError e) {
            throw new SchemaRegistryException(e.getMessage(), e.httpStatus(), e.errorCode(), e);
        }
        parsed.put(id, schema);
        return schema;
    }

    @Override
    public String toString() {
        return "ServedSchemaRegistry[" + log + "]";
    }
}
