package org.hlspipeline.schemas.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The schema registry of the one-command embedded mode, where no registry server runs.
 *
 * <p>The app and {@code producer-tools} are separate processes that must agree on schema ids without talking to
 * each other. Each schema version the project ships has a fixed id in {@link BundledSchemas}; both processes carry
 * the same table, so they agree by construction, across restarts, and for records already stored under
 * {@code ./data}. A schema is matched by the fingerprint of its Avro parsing canonical form, not by subject, so a
 * renamed topic still gets the same id. Nothing is ever written, so there is no state to lose or keep in sync.
 *
 * <p>What it costs:
 * <ul>
 *   <li>Only the project's own schemas exist, and nothing answers HTTP. A third-party producer (say a Python
 *       transcoder) must put these ids into its record headers itself, because Confluent's serializers always ask
 *       a registry. Mixed fleets should run a real registry and set {@code SCHEMA_REGISTRY_URL}; there, Confluent
 *       clients with {@code auto.register.schemas=false} and {@code use.latest.version=true} follow the
 *       versions the app registered.</li>
 *   <li>Evolving a schema needs a new table entry and a new release of both the app and the tools; an older
 *       tool cannot write a newer schema, and an older app cannot resolve a newer id.</li>
 * </ul>
 * The alternative, a registry endpoint served by the app, would make {@code producer-tools} depend on the app
 * being up before it can produce, and would need its own persistent, replicated id store.
 */
public final class BundledSchemaRegistry implements SchemaRegistry {

    private final Map<Long, BundledSchema> byFingerprint = new HashMap<>();
    private final Map<Integer, BundledSchema> byId = new HashMap<>();

    /** The registry for the project's shipped table. */
    public BundledSchemaRegistry() {
        this(BundledSchemas.ALL);
    }

    /** A registry for a given table; refuses tables that would make an id ambiguous. */
    public BundledSchemaRegistry(List<BundledSchema> table) {
        for (BundledSchema entry : table) {
            BundledSchema sameId = byId.putIfAbsent(entry.id(), entry);
            if (sameId != null) {
                throw new IllegalArgumentException("bundled schema id " + entry.id() + " is used twice ("
                        + sameId.schema().getFullName() + " and " + entry.schema().getFullName() + ")");
            }
            BundledSchema sameForm = byFingerprint.putIfAbsent(entry.fingerprint(), entry);
            if (sameForm != null) {
                throw new IllegalArgumentException("bundled schema ids " + sameForm.id() + " and " + entry.id()
                        + " have the same parsing canonical form, so they encode identically: keep only id "
                        + sameForm.id());
            }
        }
    }

    /** Returns the fixed id of {@code schema}; {@code subject} is ignored so that renamed topics keep working. */
    @Override
    public int register(String subject, Schema schema) {
        BundledSchema entry = byFingerprint.get(SchemaNormalization.parsingFingerprint64(schema));
        if (entry == null) {
            throw new SchemaRegistryException("embedded mode only knows the project's own schemas ("
                    + known() + "); schema " + schema.getFullName() + " for subject " + subject
                    + " is not one of them. To use other schemas, run a schema registry and set SCHEMA_REGISTRY_URL.");
        }
        return entry.id();
    }

    @Override
    public Schema schemaById(int id) {
        BundledSchema entry = byId.get(id);
        if (entry == null) {
            throw new SchemaRegistryException("schema id " + id + " is not one of the project's bundled schemas ("
                    + known() + "); it was written against some other registry", SchemaRegistryException.NONE,
                    SchemaRegistryException.SCHEMA_NOT_FOUND, null);
        }
        return entry.schema();
    }

    @Override
    public String toString() {
        return "BundledSchemaRegistry[" + known() + "]";
    }

    private String known() {
        return byId.values().stream()
                .sorted((a, b) -> Integer.compare(a.id(), b.id()))
                .map(e -> "id " + e.id() + " = " + e.schema().getFullName())
                .collect(Collectors.joining(", "));
    }
}
