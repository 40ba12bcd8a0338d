package dev.facet.ui.project;

import java.util.function.Consumer;

/** Opens a project for the shell; runs on a background thread. */
@FunctionalInterface
public interface ProjectOpener {
    /**
     * @param request  what to open
     * @param progress receives short messages while it works ("Adding orders"); called on the background thread
     * @return the open project
     * @throws OpenFailure saying why it could not be opened
     */
    Project open(OpenRequest request, Consumer<String> progress) throws OpenFailure;
}
