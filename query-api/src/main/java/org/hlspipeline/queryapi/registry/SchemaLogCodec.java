package org.hlspipeline.queryapi.registry;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.hlspipeline.queryapi.registry.SchemaLogRecord.ConfigRemoved;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SchemaVersion;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SubjectConfig;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.VersionRemoved;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas topic's keys and values as Confluent's Schema Registry writes them: JSON keys that name the record
 * type ({@code SCHEMA}, {@code CONFIG}), JSON values, and a tombstone for what is removed for good. Other record
 * types that registry writes (NOOP, MODE, DELETE_SUBJECT, ...) and non-Avro schemas are read past.
 */
final class SchemaLogCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A key and its value (null for a tombstone), as bytes for the topic. */
    record Encoded(byte[] key, byte[] value) {
    }

    private SchemaLogCodec() {
    }

    static Encoded encode(SchemaLogRecord record) {
        if (record instanceof SchemaVersion v) {
            return new Encoded(schemaKey(v.subject(), v.version()), bytes(JSON.createObjectNode()
                    .put("subject", v.subject()).put("version", v.version()).put("id", v.id())
                    .put("schema", v.schema()).put("deleted", v.deleted())));
        }
        if (record instanceof VersionRemoved r) {
            return new Encoded(schemaKey(r.subject(), r.version()), null);
        }
        if (record instanceof SubjectConfig c) {
            return new Encoded(configKey(c.subject()), bytes(JSON.createObjectNode()
                    .put("compatibilityLevel", c.level().name())));
        }
        return new Encoded(configKey(((ConfigRemoved) record).subject()), null);
    }

    /**
     * @return the record, or empty for a record type this registry does not serve
     * @throws IllegalArgumentException when the key or value is not what that type carries
     */
    static Optional<SchemaLogRecord> decode(byte[] key, byte[] value) {
        JsonNode k = tree(key);
        String type = k.path("keytype").asString("");
        String subject = k.path("subject").isString() ? k.get("subject").asString() : null;
        switch (type) {
            case "SCHEMA" -> {
                int version = k.path("version").asInt(0);
                if (subject == null || version < 1) {
                    throw new IllegalArgumentException("a SCHEMA key without a subject and a version");
                }
                if (value == null) {
                    return Optional.of(new VersionRemoved(subject, version));
                }
                JsonNode v = tree(value);
                if (!v.path("schemaType").asString("AVRO").equals("AVRO")) {
                    return Optional.empty();
                }
                if (!v.path("id").isInt() || !v.path("schema").isString()) {
                    throw new IllegalArgumentException("a SCHEMA value without an id and a schema");
                }
                return Optional.of(new SchemaVersion(subject, version, v.get("id").asInt(),
                        v.get("schema").asString(), v.path("deleted").asBoolean(false)));
            }
            case "CONFIG" -> {
                if (value == null) {
                    return Optional.of(new ConfigRemoved(subject));
                }
                String level = tree(value).path("compatibilityLevel").asString("");
                try {
                    return Optional.of(new SubjectConfig(subject, Compatibility.valueOf(level)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("an unknown compatibility level '" + level + "'");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static byte[] schemaKey(String subject, int version) {
        return bytes(JSON.createObjectNode().put("keytype", "SCHEMA").put("subject", subject)
                .put("version", version).put("magic", 1));
    }

    private static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode().put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        return bytes(key.put("magic", 0));
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
    }
}
