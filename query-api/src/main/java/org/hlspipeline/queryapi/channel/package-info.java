/**
 * Channels: the command gateway for schedulers and operators, channel playlists and the channel API. A feature
 * package on top of {@code query}, {@code http} and {@code stream} (see docs/architecture.md, Channel playout).
 */
package org.hlspipeline.queryapi.channel;
