package org.hlspipeline.queryapi.stream;

/** The JSON body of {@code PUT /streams/{id}/renditions/{r}}: what the master playlist says of the rendition. */
record RenditionRequest(Long bandwidth, Long averageBandwidth, String resolution, String codecs, Double frameRate) {
}
