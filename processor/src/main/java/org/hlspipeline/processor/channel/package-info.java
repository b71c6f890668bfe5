/**
 * The channel-playout adapter: the Kafka Streams processors that check and schedule channel commands and
 * broadcasts, advance channels and store them, and the mappers and codecs between the Avro contract and the pure
 * {@code playout} core. Only the root topology, the query API and producer-tools depend on it.
 */
package org.hlspipeline.processor.channel;
