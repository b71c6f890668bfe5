/**
 * The embedded single-node Kafka broker (KRaft) that runs in the application's JVM when no external cluster is
 * named. It depends on no other package of the application; {@code kafka} starts it (see docs/operations.md,
 * Data directory).
 */
package org.hlspipeline.queryapi.broker;
