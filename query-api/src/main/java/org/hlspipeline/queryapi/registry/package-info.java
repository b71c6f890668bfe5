/**
 * The Confluent-compatible schema registry the app serves when no SCHEMA_REGISTRY_URL is set: a pure core
 * ({@code RegisteredSchemas}, {@code RegistryRequests}, {@code Compatibility}) over the records of a compacted
 * schemas topic, the topic's reader and single writer ({@code SchemaLog}), and the REST API on its own port.
 * Depends on {@code config} and {@code kafka}; the rest of the app sees only the {@code SchemaRegistry} bean.
 */
package org.hlspipeline.queryapi.registry;
