/**
 * The HLS playlist model (media and master playlists, segments, variants, date ranges, ad cues), its renderer and
 * the text rules that keep every line safe. Pure Java: depends on nothing else of the pipeline, and everything that
 * writes or reads playlists (window, playout, the query API, producer-tools) may depend on it.
 */
package org.hlspipeline.processor.hls;
