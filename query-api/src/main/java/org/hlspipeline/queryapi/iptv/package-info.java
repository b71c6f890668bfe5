/**
 * The channels for IPTV clients: an M3U channel list and its XMLTV guide. A feature package on top of
 * {@code query}; nothing depends on it.
 */
package org.hlspipeline.queryapi.iptv;
