package org.hlspipeline.queryapi.query;

import java.util.Optional;

/**
 * A store value (or its absence) and who answered for it: responses name the serving instance and whether it
 * was the key's active owner or a standby.
 */
public record Served<T>(Optional<T> value, String instance, Role role) {

    /** The same answer, its value turned into what the caller reads. */
    public <R> Served<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return new Served<>(value.map(mapper), instance, role);
    }

    public enum Role {
        ACTIVE, STANDBY;

        public String header() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
