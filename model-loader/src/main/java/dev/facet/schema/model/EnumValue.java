package dev.facet.schema.model;

/**
 * One value of an enum.
 *
 * @param name          the name clients use
 * @param databaseName  the stored value ({@code @map}, else the name)
 * @param documentation the {@code ///} comment, or null
 */
public record EnumValue(String name, String databaseName, String documentation) {}
