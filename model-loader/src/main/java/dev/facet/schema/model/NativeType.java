package dev.facet.schema.model;

import java.util.List;

/**
 * A native database type from {@code @db.Name(args)}.
 *
 * @param name      the type name without the datasource prefix ({@code VarChar})
 * @param arguments the arguments as written ({@code 255}, {@code "max"})
 */
public record NativeType(String name, List<String> arguments) {
    public NativeType { arguments = List.copyOf(arguments); }

    @Override public String toString() { return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")"; }
}
