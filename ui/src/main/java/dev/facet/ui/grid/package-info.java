/**
 * The model grid: one model of the open project as an editable, lazily paged table.
 *
 * <p>{@link dev.facet.ui.grid.ModelGridViewModel} holds the state (rows, filter, sort, pending
 * changes) and runs every database call through the task executor; {@link dev.facet.ui.grid.ModelGridView}
 * builds the nodes and binds to it. The shell opens grids and implements {@link dev.facet.ui.grid.Navigator}.
 */
package dev.facet.ui.grid;
