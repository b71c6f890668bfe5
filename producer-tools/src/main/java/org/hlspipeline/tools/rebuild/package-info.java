/**
 * {@code rebuild}: plans and carries out the reset that replays an application from its input topics (see
 * docs/operations.md, Rebuild under the same application id). Depends on {@code publish} and {@code cli}.
 */
package org.hlspipeline.tools.rebuild;
