package org.hlspipeline.queryapi.query;

import java.util.function.Function;

import org.hlspipeline.processor.kafka.StateCodec;

/**
 * What interactive queries may read, under the name of the store whose partitioning decides who owns a key:
 * how an instance reads a value from its own stores, and how the value travels between instances exactly as the
 * stores hold it.
 *
 * @param name   the store that places keys on partitions and lists them
 * @param read   reads a key's value from this instance's stores (of the key's partition), or null
 * @param encode the value as it is sent to another instance
 * @param decode the value as it is received from another instance
 */
public record QueryableStore<T>(String name, LocalRead<T> read, Function<T, byte[]> encode,
                                Function<byte[], T> decode) {

    /** One store, its values decoded by {@code codec}. */
    public static <T> QueryableStore<T> of(String name, StateCodec<T, ?> codec) {
        return new QueryableStore<>(name, (stores, key) -> stores.get(name, key), codec::encode, codec::decode);
    }

    /** A read of one key, from one or more stores of the same partition. */
    @FunctionalInterface
    public interface LocalRead<T> {
        T read(Stores stores, String key);
    }

    /** This instance's stores, for the partition and role being read. */
    public interface Stores {
        /** The value under {@code key} in store {@code storeName}, as that store's serde gives it, or null. */
        <V> V get(String storeName, String key);
    }
}
