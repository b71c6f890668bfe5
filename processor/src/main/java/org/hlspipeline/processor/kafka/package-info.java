/**
 * What both topologies share on the Kafka side: topic names, dead letters and the exact record counts, the due
 * index, the task clock and the base of the state codecs. Depends on no other processor package; the adapters
 * depend on it.
 */
package org.hlspipeline.processor.kafka;
