/**
 * The Avro serde in Confluent wire format (magic byte, schema id, body), with its configuration and the guard that
 * refuses unknown union branches. Depends on {@code registry}; the topologies and every producer depend on it.
 */
package org.hlspipeline.schemas.serde;
