/**
 * Headers for the viewer page ({@code GET /}) and the hls.js it loads (see docs/architecture.md, Viewer page).
 * Depends on no other package of the application.
 */
package org.hlspipeline.queryapi.viewer;
