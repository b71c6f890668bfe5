package org.hlspipeline.query;

import org.hlspipeline.store.StateCodec;

/**
 * A state store that can be queried from any instance: its name, and the codec that carries its values between
 * instances exactly as the store itself holds them.
 */
public record QueryableStore<T>(String name, StateCodec<T, ?> codec) {
}
