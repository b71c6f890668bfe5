/**
 * {@code asset import}: turns a VOD master or media playlist into the asset descriptor of a channel item.
 * Depends on {@code hls} and {@code cli}; nothing depends on it but the entry point.
 */
package org.hlspipeline.tools.asset;
