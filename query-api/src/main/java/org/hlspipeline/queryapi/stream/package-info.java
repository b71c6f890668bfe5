/**
 * Streams: the transcoders' write gateway (read-your-write), their playlists and the stream API. A feature
 * package on top of {@code query}, {@code http} and {@code kafka}; {@code channel} uses its event publisher.
 */
package org.hlspipeline.queryapi.stream;
