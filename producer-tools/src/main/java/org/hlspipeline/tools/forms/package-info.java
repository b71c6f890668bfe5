/**
 * JSON and YAML input files with a line and column for every value, so that a problem names its place. Used by
 * the channel, alert and schedule commands; depends on {@code cli} only.
 */
package org.hlspipeline.tools.forms;
