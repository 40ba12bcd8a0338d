package dev.facet.schema.diagnostics;

import dev.facet.schema.ast.BlockKind;

/**
 * Every message the loader reports, worded exactly as Prisma words it, so that tests can assert
 * exact text and wording stays consistent. Grouped by the pass that reports them.
 */
public final class Messages {
    private Messages() {}

    // ---------------------------------------------------------------- prefixes Prisma uses

    /** {@code Error validating model "User": ...} */
    public static String modelValidation(String container, String name, String message) {
        return "Error validating " + container + " \"" + name + "\": " + message;
    }

    /** {@code Error parsing attribute "@id": ...} */
    public static String attributeValidation(String attribute, String message) {
        return "Error parsing attribute \"" + attribute + "\": " + message;
    }

    /** {@code Error validating: ...} */
    public static String validation(String message) {
        return "Error validating: " + message;
    }

    /** The word Prisma uses for a block kind in messages: model, view, composite type, enum. */
    public static String containerLabel(BlockKind kind) {
        return switch (kind) {
            case MODEL -> "model";
            case VIEW -> "view";
            case TYPE -> "composite type";
            case ENUM -> "enum";
            case DATASOURCE -> "datasource";
            case GENERATOR -> "generator";
        };
    }

    // ---------------------------------------------------------------- parser

    public static String invalidTopLevelLine() {
        return validation("This line is invalid. It does not start with any known Prisma schema keyword.");
    }

    public static String invalidBlock() {
        return validation("This block is invalid. It does not start with any known Prisma schema keyword. "
                + "Valid keywords include 'model', 'enum', 'type', 'datasource' and 'generator'.");
    }

    public static String invalidBlockLine(BlockKind kind) {
        return validation(switch (kind) {
            case ENUM -> "This line is not an enum value definition.";
            case DATASOURCE -> "This line is not a valid definition within a datasource.";
            case GENERATOR -> "This line is not a valid definition within a generator.";
            default -> "This line is not a valid field or attribute definition.";
        });
    }

    public static String fieldDeclarationInvalid(BlockKind kind, String blockName) {
        return modelValidation(containerLabel(kind), blockName,
                "This field declaration is invalid. It is either missing a name or a type.");
    }

    public static String unclosedBlock(String keyword, String name) {
        return validation("The " + keyword + " \"" + name + "\" is missing its closing brace `}`.");
    }

    public static String unterminatedString() {
        return validation("This string literal is not terminated: a closing `\"` is missing.");
    }

    // ---------------------------------------------------------------- formatter

    /** Said after the syntax errors that kept {@code facet format} from formatting a schema. */
    public static String formatRefused(int syntaxErrors) {
        return "The schema was not formatted: it has " + syntaxErrors + " syntax error" + (syntaxErrors == 1 ? "" : "s")
                + ". Fix " + (syntaxErrors == 1 ? "it" : "them") + " and format again.";
    }
}
