package org.hlspipeline.queryapi.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hlspipeline.queryapi.registry.SchemaLogRecord.ConfigRemoved;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SchemaVersion;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.SubjectConfig;
import org.hlspipeline.queryapi.registry.SchemaLogRecord.VersionRemoved;

/**
 * Everything the schemas topic says, as of some offset: subjects with their versions, schema ids, compatibility
 * levels. Immutable; {@link #apply} gives the state after one more record, so every instance that has read the
 * same records holds the same state.
 *
 * <p>An id names one schema text for good: a version soft-deleted or removed from its subject still resolves by
 * id, because records written with it may still be on a topic.
 */
final class RegisteredSchemas {

    static final int FIRST_REGISTERED_ID = 1001;
    static final RegisteredSchemas EMPTY = new RegisteredSchemas(Map.of(), Map.of(), Map.of(), null);

    private final Map<String, NavigableMap<Integer, SchemaVersion>> subjects;
    private final Map<Integer, String> schemasById;
    private final Map<String, Compatibility> levels;
    private final Compatibility globalLevel;

    private RegisteredSchemas(Map<String, NavigableMap<Integer, SchemaVersion>> subjects,
                              Map<Integer, String> schemasById, Map<String, Compatibility> levels,
                              Compatibility globalLevel) {
        this.subjects = subjects;
        this.schemasById = schemasById;
        this.levels = levels;
        this.globalLevel = globalLevel;
    }

    RegisteredSchemas apply(SchemaLogRecord record) {
        if (record instanceof SchemaVersion version) {
            return withVersion(version);
        }
        if (record instanceof VersionRemoved removed) {
            return withoutVersion(removed);
        }
        if (record instanceof SubjectConfig config) {
            return config.subject() == null ? new RegisteredSchemas(subjects, schemasById, levels, config.level())
                    : withLevels(config.subject(), config.level());
        }
        ConfigRemoved removed = (ConfigRemoved) record;
        return removed.subject() == null ? new RegisteredSchemas(subjects, schemasById, levels, null)
                : withLevels(removed.subject(), null);
    }

    /** Subjects with at least one version, soft-deleted ones too when asked. */
    List<String> subjects(boolean includeDeleted) {
        TreeSet<String> names = new TreeSet<>();
        subjects.forEach((name, versions) -> {
            if (versions.values().stream().anyMatch(v -> includeDeleted || !v.deleted())) {
                names.add(name);
            }
        });
        return List.copyOf(names);
    }

    /** The subject's versions, oldest first; empty when the subject has none (live ones unless asked). */
    List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.getOrDefault(subject, Collections.emptyNavigableMap());
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    Optional<String> schema(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** Every version, in any subject, that carries this id. */
    List<SchemaVersion> usesOf(int id) {
        List<SchemaVersion> uses = new ArrayList<>();
        subjects.values().forEach(versions -> versions.values().stream().filter(v -> v.id() == id)
                .forEach(uses::add));
        return uses;
    }

    /** The id an identical schema text already has, in any subject. */
    Optional<Integer> idOf(String canonicalSchema) {
        return schemasById.entrySet().stream().filter(e -> e.getValue().equals(canonicalSchema))
                .map(Map.Entry::getKey).min(Integer::compare);
    }

    /**
     * Ids below {@value #FIRST_REGISTERED_ID} are kept for the project's bundled schemas, so that a later release
     * can seed its new versions under fixed ids without finding them taken by a registration.
     */
    int nextId() {
        return Math.max(FIRST_REGISTERED_ID,
                schemasById.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1);
    }

    /** The next version number of a subject: a soft-deleted version keeps its number. */
    int nextVersion(String subject) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    Optional<Compatibility> level(String subject) {
        return Optional.ofNullable(subject == null ? globalLevel : levels.get(subject));
    }

    /** The level that applies to the subject: its own, else the global one, else the default. */
    Compatibility effectiveLevel(String subject) {
        return level(subject).or(() -> level(null)).orElse(Compatibility.DEFAULT);
    }

    private RegisteredSchemas withVersion(SchemaVersion version) {
        Map<String, NavigableMap<Integer, SchemaVersion>> newSubjects = new HashMap<>(subjects);
        NavigableMap<Integer, SchemaVersion> versions = new TreeMap<>(subjects.getOrDefault(version.subject(),
                Collections.emptyNavigableMap()));
        versions.put(version.version(), version);
        newSubjects.put(version.subject(), Collections.unmodifiableNavigableMap(versions));
        Map<Integer, String> ids = schemasById;
        if (!schemasById.containsKey(version.id())) {
            ids = new HashMap<>(schemasById);
            ids.put(version.id(), version.schema());
        }
        return new RegisteredSchemas(Map.copyOf(newSubjects), Map.copyOf(ids), levels, globalLevel);
    }

    private RegisteredSchemas withoutVersion(VersionRemoved removed) {
        NavigableMap<Integer, SchemaVersion> current = subjects.get(removed.subject());
        if (current == null || !current.containsKey(removed.version())) {
            return this;
        }
        Map<String, NavigableMap<Integer, SchemaVersion>> newSubjects = new HashMap<>(subjects);
        NavigableMap<Integer, SchemaVersion> versions = new TreeMap<>(current);
        versions.remove(removed.version());
        if (versions.isEmpty()) {
            newSubjects.remove(removed.subject());
        } else {
            newSubjects.put(removed.subject(), Collections.unmodifiableNavigableMap(versions));
        }
        return new RegisteredSchemas(Map.copyOf(newSubjects), schemasById, levels, globalLevel);
    }

    private RegisteredSchemas withLevels(String subject, Compatibility level) {
        Map<String, Compatibility> newLevels = new HashMap<>(levels);
        if (level == null) {
            newLevels.remove(subject);
        } else {
            newLevels.put(subject, level);
        }
        return new RegisteredSchemas(subjects, schemasById, Map.copyOf(newLevels), globalLevel);
    }
}
