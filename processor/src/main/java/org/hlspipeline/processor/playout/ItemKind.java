package org.hlspipeline.processor.playout;

/** What an item is, for the EPG, the as-run log and ad marking. */
public enum ItemKind {
    PROGRAM, AD, BUMPER, PROMO, FILLER, ALERT
}
