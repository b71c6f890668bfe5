/**
 * {@code schedule}: a channel's schedule file (see docs/schedule-files.md), checked whole with the processor's
 * playout engine before its commands are sent. Depends on {@code publish}, {@code forms} and {@code cli}.
 */
package org.hlspipeline.tools.schedule;
