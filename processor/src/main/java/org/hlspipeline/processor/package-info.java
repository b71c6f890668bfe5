/**
 * The processor's entry point: {@link org.hlspipeline.processor.PipelineTopology} assembles the stream-ingest and
 * channel-playout topologies into one Kafka Streams topology. Depends on the adapter packages; the query API
 * depends on it to run that topology.
 */
package org.hlspipeline.processor;
