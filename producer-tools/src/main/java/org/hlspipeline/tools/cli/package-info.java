/**
 * What several commands share: exit codes, the one-line failure, the connection options (one picocli mixin),
 * converters, the version line, logging and the clock. A leaf: it depends on no other package of the tool.
 */
package org.hlspipeline.tools.cli;
