/**
 * The Avro contract of the pipeline's topics and stores, generated into the sub-packages {@code stream},
 * {@code channel} and {@code state}, and the code around it. Depends on nothing of the pipeline; every module
 * depends on it.
 */
package org.hlspipeline.schemas;
