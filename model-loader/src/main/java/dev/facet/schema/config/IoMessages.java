package dev.facet.schema.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Short, path-free descriptions of I/O failures, for "where Facet looked" messages. */
final class IoMessages {
    private IoMessages() {}

    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException x -> "absent";
            case AccessDeniedException x -> "permission denied";
            case CharacterCodingException x -> "not UTF-8 text";
            default -> e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
