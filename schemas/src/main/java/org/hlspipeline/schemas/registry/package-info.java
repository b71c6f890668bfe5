/**
 * Schema registries: the bundled one that needs no server, and a client for a Confluent-compatible REST registry,
 * chosen by configuration. Depends on nothing else of the pipeline; {@code serde} depends on it.
 */
package org.hlspipeline.schemas.registry;
