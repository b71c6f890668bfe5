package org.hlspipeline.processor.kafka;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB reserves 4 MB for every store's MANIFEST file when it opens it, whatever the store holds. The topology
 * opens about ten stores per task, so a few dozen partitions reserve hundreds of megabytes of disk for files that
 * stay a few kilobytes long, and the data directory looks full long before it is
 * (docs/operations.md, "A full disk"). A MANIFEST grows by appending as it needs; only the reservation goes.
 */
public final class CompactStoreFiles implements RocksDBConfigSetter {

    static final long MANIFEST_PREALLOCATION_BYTES = 64 * 1024;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setManifestPreallocationSize(MANIFEST_PREALLOCATION_BYTES);
    }

    @Override
    public void close(String storeName, Options options) {
        // nothing was allocated here
    }
}
