/**
 * {@code tail}: follows a live media or master playlist as a transcoder writes it and publishes each new segment.
 * Depends on {@code publish}, {@code hls} and {@code cli}; nothing depends on it but the entry point.
 */
package org.hlspipeline.tools.tail;
