/**
 * Metrics and health: Micrometer listeners for ingest and playout, the active-streams gauge, the exact counters
 * read from the record-count stores, and the Kafka Streams health indicator (see docs/operations.md,
 * Observability and Exact counters). Depends on {@code kafka} and {@code query}; nothing depends on it.
 */
package org.hlspipeline.queryapi.metrics;
