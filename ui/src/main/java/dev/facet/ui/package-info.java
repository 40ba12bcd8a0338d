/** JavaFX views and view models. Never touches JDBC or the MongoDB driver directly. */
package dev.facet.ui;
