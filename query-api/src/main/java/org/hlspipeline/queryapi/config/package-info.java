/**
 * The product's settings ({@code hls.*}), bound once at startup. The bottom layer: every other package may
 * read it, and it depends on none of them (see docs/operations.md, Configuration).
 */
package org.hlspipeline.queryapi.config;
