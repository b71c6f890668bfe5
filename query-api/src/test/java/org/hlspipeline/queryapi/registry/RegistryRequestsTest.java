package org.hlspipeline.queryapi.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hlspipeline.queryapi.registry.SchemaLogRecord.SchemaVersion;
import org.junit.jupiter.api.Test;

/** The registry's answers and records, without Kafka: each request applied to the state it returns. */
class RegistryRequestsTest {

    static final String V1 = """
            {"type": "record", "name": "Segment", "namespace": "t", "fields": [
              {"name": "uri", "type": "string"}]}""";
    /** V1 plus a field with a default: readable both ways (FULL). */
    static final String V2 = """
            {"type": "record", "name": "Segment", "namespace": "t", "fields": [
              {"name": "uri", "type": "string"},
              {"name": "duration", "type": "long", "default": 0}]}""";
    /** A required field without a default: cannot read what V1 wrote (not BACKWARD). */
    static final String REQUIRED = """
            {"type": "record", "name": "Segment", "namespace": "t", "fields": [
              {"name": "uri", "type": "string"},
              {"name": "sequence", "type": "long"}]}""";

    private RegisteredSchemas state = RegisteredSchemas.EMPTY;

    private <T> T run(Change<T> change) {
        for (SchemaLogRecord record : change.records()) {
            state = state.apply(record);
        }
        return change.answer();
    }

    @Test
    void registeringTheSameSchemaAgainGivesTheSameIdAndWritesNothing() {
        SchemaVersion first = run(RegistryRequests.register(state, "s-value", V1));
        // Same schema, other spacing: Avro prints both the same.
        Change<SchemaVersion> again = RegistryRequests.register(state, "s-value", V1.replace("\n", " "));

        assertThat(first.id()).isEqualTo(RegisteredSchemas.FIRST_REGISTERED_ID);
        assertThat(first.version()).isEqualTo(1);
        assertThat(again.answer()).isEqualTo(first);
        assertThat(again.records()).isEmpty();
    }

    @Test
    void aNewVersionGetsTheNextIdAndTheSameSchemaInAnotherSubjectKeepsItsId() {
        SchemaVersion v1 = run(RegistryRequests.register(state, "s-value", V1));
        SchemaVersion v2 = run(RegistryRequests.register(state, "s-value", V2));
        SchemaVersion elsewhere = run(RegistryRequests.register(state, "other-value", V1));

        assertThat(v2.id()).isEqualTo(v1.id() + 1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(elsewhere.id()).isEqualTo(v1.id());
        assertThat(elsewhere.version()).isEqualTo(1);
        assertThat(state.subjects(false)).containsExactly("other-value", "s-value");
        assertThat(state.usesOf(v1.id())).extracting(SchemaVersion::subject).containsExactlyInAnyOrder("s-value",
                "other-value");
    }

    @Test
    void anIncompatibleSchemaIsRefusedWith409UnderTheDefaultBackwardLevel() {
        run(RegistryRequests.register(state, "s-value", V1));

        assertThatThrownBy(() -> RegistryRequests.register(state, "s-value", REQUIRED))
                .isInstanceOfSatisfying(RegistryError.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(409);
                });
        assertThat(RegistryRequests.compatibilityProblems(state, "s-value", "latest", REQUIRED)).hasSize(1);
        assertThat(RegistryRequests.compatibilityProblems(state, "s-value", "latest", V2)).isEmpty();
    }

    @Test
    void levelNoneTakesAnySchemaAndTheSubjectLevelOutranksTheGlobalOne() {
        run(RegistryRequests.register(state, "s-value", V1));
        run(RegistryRequests.setLevel(null, "FORWARD"));
        run(RegistryRequests.setLevel("s-value", "NONE"));

        assertThat(state.effectiveLevel("s-value")).isEqualTo(Compatibility.NONE);
        assertThat(state.effectiveLevel("other")).isEqualTo(Compatibility.FORWARD);
        assertThat(run(RegistryRequests.register(state, "s-value", REQUIRED)).version()).isEqualTo(2);
        assertThatThrownBy(() -> RegistryRequests.setLevel("s-value", "SIDEWAYS"))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(42203));
    }

    @Test
    void softDeletedVersionsLeaveTheListingsButTheirIdStillResolves() {
        run(RegistryRequests.register(state, "s-value", V1));
        run(RegistryRequests.register(state, "s-value", V2));

        assertThat(run(RegistryRequests.deleteVersion(state, "s-value", "1", false))).isEqualTo(1);

        assertThat(state.versions("s-value", false)).extracting(SchemaVersion::version).containsExactly(2);
        assertThat(state.versions("s-value", true)).extracting(SchemaVersion::version).containsExactly(1, 2);
        assertThat(state.schema(RegisteredSchemas.FIRST_REGISTERED_ID)).isPresent();
        assertThatThrownBy(() -> RegistryRequests.version(state, "s-value", "1", false))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(40402));
    }

    @Test
    void aSubjectIsRemovedForGoodOnlyAfterASoftDelete() {
        run(RegistryRequests.register(state, "s-value", V1));

        assertThatThrownBy(() -> RegistryRequests.deleteSubject(state, "s-value", true))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(40405));
        assertThat(run(RegistryRequests.deleteSubject(state, "s-value", false))).containsExactly(1);
        assertThat(state.subjects(false)).isEmpty();
        assertThat(state.subjects(true)).containsExactly("s-value");
        assertThat(run(RegistryRequests.deleteSubject(state, "s-value", true))).containsExactly(1);
        assertThat(state.subjects(true)).isEmpty();
        // The removed schema keeps its id: records written with it may still be on a topic.
        assertThat(run(RegistryRequests.register(state, "s-value", V2)).id())
                .isEqualTo(RegisteredSchemas.FIRST_REGISTERED_ID + 1);
    }

    @Test
    void lookupAndVersionsAnswerWithConfluentsErrorCodes() {
        assertThatThrownBy(() -> RegistryRequests.lookup(state, "nothing", V1))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
        run(RegistryRequests.register(state, "s-value", V1));

        assertThat(RegistryRequests.lookup(state, "s-value", V1).id()).isEqualTo(RegisteredSchemas.FIRST_REGISTERED_ID);
        assertThatThrownBy(() -> RegistryRequests.lookup(state, "s-value", V2))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
        assertThatThrownBy(() -> RegistryRequests.version(state, "s-value", "zero", false))
                .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(42202));
        assertThat(RegistryRequests.version(state, "s-value", "-1", false).version()).isEqualTo(1);
        for (String bad : List.of("", "{\"type\": \"record\"}", "not json", "{\"type\": \"nope\"}")) {
            assertThatThrownBy(() -> RegistryRequests.register(state, "s-value", bad))
                    .isInstanceOfSatisfying(RegistryError.class, e -> assertThat(e.errorCode()).isEqualTo(42201));
        }
    }
}
