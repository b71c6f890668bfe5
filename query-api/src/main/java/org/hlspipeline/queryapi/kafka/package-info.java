/**
 * The Kafka runtime: where the cluster is, the topology built from the settings, the topics provisioned for it,
 * this instance's address, and the Kafka Streams lifecycle. Depends on {@code config} and {@code broker}; only
 * {@code query} and {@code metrics} read Kafka Streams through it, controllers never do.
 */
package org.hlspipeline.queryapi.kafka;
