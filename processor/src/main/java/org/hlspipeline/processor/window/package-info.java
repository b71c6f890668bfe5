/**
 * The live window of one rendition of a stream: an immutable value changed by pure functions of segment events and
 * time, with gaps for lost sequences. Pure Java over {@code hls}; the ingest adapter and the query API depend on it.
 */
package org.hlspipeline.processor.window;
