/**
 * The answering side of the instance-to-instance store endpoints ({@code /internal/stores/…}), which other
 * instances call through {@code query.InternalStoreClient}; not part of the public API. Depends on {@code query}
 * and {@code http}; nothing depends on it.
 */
package org.hlspipeline.queryapi.internal;
