/**
 * Every input rule, once, with its message: pure functions over plain values and domain types, asked by the HTTP
 * gateway, the topology and the CLI (see docs/input-rules.md). Depends on {@code hls} and {@code playout} only; the
 * adapters that read the inputs' forms depend on it.
 */
package org.hlspipeline.processor.rules;
