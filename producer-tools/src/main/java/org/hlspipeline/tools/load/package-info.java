/**
 * {@code load}: synthetic transcoders that publish at a chosen pace and report acknowledgement latencies.
 * Depends on {@code publish} (the producer settings and failure wording) and {@code cli}.
 */
package org.hlspipeline.tools.load;
