package dev.facet.schema.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates schema text the ways a person mid-edit does, and a few nastier ones: deletes, duplicates and
 * swaps tokens and lines, inserts odd characters (lone surrogates, NUL, BOM, quotes, braces), truncates.
 * Deterministic for a given {@link Random}.
 */
final class Mutator {
    enum Kind { DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INSERT_CHAR, TRUNCATE }

    /** Words, runs of blanks, line ends, and any other single char: quotes and braces become tokens of their own. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+|[ \\t]+|\\r?\\n|.", Pattern.DOTALL);
    private static final String INTERESTING = "{}()[]@\"\\/*:,.=?!-\n\r\t\u0000\u00a0\ufeff\u00e9";

    /** One mutated text and what was done to get it. */
    record Mutation(String text, String description) {}

    private final Random random;

    Mutator(Random random) { this.random = random; }

    /** Applies one mutation of a random kind. */
    Mutation mutate(String text) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return switch (kind) {
            case DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS -> editPieces(kind, tokens(text));
            case DELETE_LINE, DUPLICATE_LINE, SWAP_LINES -> editPieces(kind, lines(text));
            case INSERT_CHAR -> insertChar(text);
            case TRUNCATE -> {
                int at = text.isEmpty() ? 0 : random.nextInt(text.length());
                yield new Mutation(text.substring(0, at), "truncate at " + at);
            }
        };
    }

    private Mutation editPieces(Kind kind, List<String> pieces) {
        if (pieces.isEmpty()) return insertChar("");
        List<String> out = new ArrayList<>(pieces);
        int i = random.nextInt(out.size());
        String what = kind.name().toLowerCase().replace('_', ' ');
        switch (kind) {
            case DELETE_TOKEN, DELETE_LINE -> out.remove(i);
            case DUPLICATE_TOKEN, DUPLICATE_LINE -> out.add(i, out.get(i));
            default -> {
                int j = random.nextInt(out.size());
                Collections.swap(out, i, j);
                return new Mutation(String.join("", out), what + " " + i + " and " + j);
            }
        }
        return new Mutation(String.join("", out), what + " " + i);
    }

    private Mutation insertChar(String text) {
        int at = random.nextInt(text.length() + 1);
        int roll = random.nextInt(4);
        char c = switch (roll) {
            case 0, 1 -> INTERESTING.charAt(random.nextInt(INTERESTING.length()));
            case 2 -> (char) (0xD800 + random.nextInt(0x800)); // a lone surrogate
            default -> (char) random.nextInt(0x10000);
        };
        return new Mutation(text.substring(0, at) + c + text.substring(at),
                String.format("insert U+%04X at %d", (int) c, at));
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) tokens.add(m.group());
        return tokens;
    }

    /** Lines with their terminators, so that joining them gives the text back. */
    static List<String> lines(String text) {
        if (text.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("(?<=\n)", -1)));
        if (lines.getLast().isEmpty()) lines.removeLast();
        return lines;
    }
}
