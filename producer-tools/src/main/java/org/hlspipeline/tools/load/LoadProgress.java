package org.hlspipeline.tools.load;

/**
 * Shows a run's progress on stderr while it goes: a bar redrawn in place on a terminal, a line every few seconds
 * otherwise (a CI log or a file would be flooded by a bar), or nothing.
 */
interface LoadProgress {

    /** How {@code --progress} chooses. */
    enum Mode {
        AUTO, BAR, LINES, NONE
    }

    /** Called often; draws when it is time to. */
    void update(LoadSnapshot snapshot);

    /** The run is over: the last state, and the terminal's line left clean for the summary. */
    void finish(LoadSnapshot snapshot);

    LoadProgress NONE = new LoadProgress() {
        @Override
        public void update(LoadSnapshot snapshot) {
        }

        @Override
        public void finish(LoadSnapshot snapshot) {
        }
    };
}
