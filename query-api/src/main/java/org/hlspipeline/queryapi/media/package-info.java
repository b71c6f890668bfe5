/**
 * {@code /media/}: serves a local media directory next to the embedded broker, for trying the product without a
 * CDN. A feature package on top of {@code http} and {@code kafka}; nothing depends on it.
 */
package org.hlspipeline.queryapi.media;
