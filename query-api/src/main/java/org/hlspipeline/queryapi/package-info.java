/**
 * The query API application: the Spring Boot entry point and its startup banner. Nothing depends on this
 * package; it sits on top of every other one (see docs/architecture.md, Data flow).
 */
package org.hlspipeline.queryapi;
