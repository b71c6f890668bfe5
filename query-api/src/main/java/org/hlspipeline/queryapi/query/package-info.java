/**
 * Interactive queries (see docs/architecture.md, Interactive queries): {@code StoreLocator} finds who holds a
 * key, {@code LocalStores} reads this instance's stores, {@code InternalStoreClient} asks another instance over
 * {@code InternalStoreApi}, {@code StateQueryService} answers local-or-forward, {@code KeyListingService} lists
 * keys across instances and {@code ReadYourWrite} waits for a write to show. Depends on {@code kafka} and
 * {@code config}; the HTTP support and the feature packages depend on it.
 */
package org.hlspipeline.queryapi.query;
