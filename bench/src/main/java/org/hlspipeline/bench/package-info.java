/**
 * JMH benchmarks and measuring harnesses for the processor's hot paths (segment events, rendering, channel
 * boundaries, store codecs and sizes), built only with {@code -Pbench}; see docs/benchmarks.md. Nothing depends on
 * this package.
 */
package org.hlspipeline.bench;
