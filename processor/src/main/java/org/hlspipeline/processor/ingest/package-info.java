/**
 * The stream-ingest adapter: the Kafka Streams processor that validates stream events and applies them to the
 * stream windows, its stores and state codecs. Translates between Kafka and Avro and the pure {@code window} core;
 * only the root topology and the query API depend on it.
 */
package org.hlspipeline.processor.ingest;
