/**
 * The channel playout engine: channel state, items, layers of queue, interrupts and alerts, and the pure functions
 * that air segments, place ad markers and project the schedule. Pure Java over {@code hls}; the rules, the channel
 * adapter, the query API and producer-tools depend on it.
 */
package org.hlspipeline.processor.playout;
