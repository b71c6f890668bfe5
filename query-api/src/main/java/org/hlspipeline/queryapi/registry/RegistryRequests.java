package org.hlspipeline.queryapi.registry;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.hlspipeline.schemas.registry.BundledSchema;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SchemaVersion;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SubjectConfig;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.VersionRemoved;

/**
 * The registry's requests as pure functions of the current {@link RegisteredSchemas}: each answers, or throws a
 * {@link RegistryError}, and says which records to append. The caller appends them while no other instance can
 * (see docs/schema-registry.md, "One writer at a time"), so two instances never hand out the same id.
 */
final class RegistryRequests {

    private RegistryRequests() {
    }

    /** Schema texts are compared as Avro prints them back: same fields, defaults and docs, any spacing. */
    static String canonical(String schemaText) {
        return parse(schemaText).toString();
    }

    static Schema parse(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryError.invalidSchema("no schema given");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (SchemaParseException e) {
            throw RegistryError.invalidSchema(e.getMessage());
        } catch (RuntimeException e) {
            // Avro's parser reports some bad schemas (an undefined type name) with other exceptions.
            throw RegistryError.invalidSchema(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Registers a schema under a subject: the subject's version of it if there is one, else a new version. */
    static Change<SchemaVersion> register(RegisteredSchemas state, String subject, String schemaText) {
        Schema schema = parse(schemaText);
        String canonical = schema.toString();
        List<SchemaVersion> live = state.versions(subject, false);
        for (SchemaVersion version : live) {
            if (version.schema().equals(canonical)) {
                return Change.none(version);
            }
        }
        String problem = state.effectiveLevel(subject).problem(schema,
                live.stream().map(v -> parse(v.schema())).toList());
        if (problem != null) {
            throw RegistryError.incompatible(problem);
        }
        int id = state.idOf(canonical).orElseGet(state::nextId);
        SchemaVersion version = new SchemaVersion(subject, state.nextVersion(subject), id, canonical, false);
        return Change.of(version, version);
    }

    /** The subject's live version of this schema (POST /subjects/{subject}). */
    static SchemaVersion lookup(RegisteredSchemas state, String subject, String schemaText) {
        String canonical = canonical(schemaText);
        List<SchemaVersion> live = state.versions(subject, false);
        if (live.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return live.stream().filter(v -> v.schema().equals(canonical)).findFirst()
                .orElseThrow(() -> RegistryError.schemaNotFound("not registered under subject '" + subject + "'"));
    }

    /** {@code latest} (or -1) or a version number, among the subject's live versions (or all, when asked). */
    static SchemaVersion version(RegisteredSchemas state, String subject, String version, boolean includeDeleted) {
        List<SchemaVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        if (version.equals("latest") || version.equals("-1")) {
            return versions.get(versions.size() - 1);
        }
        int number = versionNumber(version);
        return versions.stream().filter(v -> v.version() == number).findFirst()
                .orElseThrow(() -> RegistryError.versionNotFound(subject, version));
    }

    /** Whether the schema could be registered next to the given version, under the subject's level. */
    static List<String> compatibilityProblems(RegisteredSchemas state, String subject, String version,
                                              String schemaText) {
        Schema candidate = parse(schemaText);
        Compatibility level = state.effectiveLevel(subject);
        List<Schema> against = level.name().endsWith("_TRANSITIVE")
                ? state.versions(subject, false).stream().map(v -> parse(v.schema())).toList()
                : List.of(parse(version(state, subject, version, false).schema()));
        if (against.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        String problem = level.problem(candidate, against);
        return problem == null ? List.of() : List.of(problem);
    }

    /** Soft-deletes a version, or removes a soft-deleted one for good ({@code permanent}). */
    static Change<Integer> deleteVersion(RegisteredSchemas state, String subject, String version, boolean permanent) {
        SchemaVersion target = version(state, subject, version, permanent);
        if (!permanent) {
            return Change.of(target.version(), target.softDeleted());
        }
        if (!target.deleted()) {
            throw RegistryError.versionNotSoftDeleted(subject, target.version());
        }
        return Change.of(target.version(), new VersionRemoved(subject, target.version()));
    }

    /** Soft-deletes every live version of a subject, or removes a soft-deleted subject for good. */
    static Change<List<Integer>> deleteSubject(RegisteredSchemas state, String subject, boolean permanent) {
        List<SchemaVersion> all = state.versions(subject, true);
        if (all.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        List<SchemaLogRecord> records = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (SchemaVersion version : all) {
            if (permanent && !version.deleted()) {
                throw RegistryError.subjectNotSoftDeleted(subject);
            }
            if (permanent || !version.deleted()) {
                records.add(permanent ? new VersionRemoved(subject, version.version()) : version.softDeleted());
                numbers.add(version.version());
            }
        }
        if (numbers.isEmpty()) {
            throw RegistryError.subjectNotFound(subject);
        }
        return new Change<>(numbers, records);
    }

    static Change<Compatibility> setLevel(String subject, String level) {
        Compatibility parsed;
        try {
            parsed = Compatibility.valueOf(level == null ? "" : level);
        } catch (IllegalArgumentException e) {
            throw RegistryError.invalidCompatibility(String.valueOf(level));
        }
        return Change.of(parsed, new SubjectConfig(subject, parsed));
    }

    /**
     * The project's own schemas under their fixed ids (those producer-tools writes in embedded mode), each in its
     * subject unless already there. An id taken by another schema is a log this release cannot share.
     */
    static Change<Void> seed(RegisteredSchemas state, List<BundledSchema> bundled) {
        List<SchemaLogRecord> records = new ArrayList<>();
        RegisteredSchemas seeded = state;
        for (BundledSchema entry : bundled) {
            String canonical = entry.schema().toString();
            String taken = seeded.schema(entry.id()).orElse(null);
            if (taken != null && !taken.equals(canonical)) {
                throw new IllegalStateException("schema id " + entry.id() + " of the schemas topic is another "
                        + "schema than the bundled " + entry.schema().getFullName() + "; this topic was written by "
                        + "another registry: point HLS_TOPIC_SCHEMAS at a topic of this application's own");
            }
            boolean inSubject = seeded.versions(entry.subject(), false).stream()
                    .anyMatch(v -> v.schema().equals(canonical));
            if (!inSubject) {
                SchemaVersion version = new SchemaVersion(entry.subject(), seeded.nextVersion(entry.subject()),
                        entry.id(), canonical, false);
                records.add(version);
                seeded = seeded.apply(version);
            }
        }
        return new Change<>(null, records);
    }

    private static int versionNumber(String version) {
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Answered below, as Confluent's registry does.
        }
        throw RegistryError.invalidVersion(version);
    }
}
