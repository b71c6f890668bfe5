/**
 * Reading a transcoder's HLS playlists, from a file or over http(s): the parser, where a playlist is, and how its
 * variants and segment URIs are named for publishing. Used by {@code tail} and {@code asset}; depends on {@code cli}.
 */
package org.hlspipeline.tools.hls;
