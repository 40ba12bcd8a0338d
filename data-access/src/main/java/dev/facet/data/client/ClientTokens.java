package dev.facet.data.client;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Prisma Client call into JavaScript tokens: names, strings (single, double or back quotes, with JavaScript's
 * escapes), numbers (decimal, hex, octal, binary, {@code _} separators, {@code 123n} BigInts) and punctuation;
 * {@code //} and {@code /* *}{@code /} comments are skipped. Strict mode fails on the first bad character; lenient mode
 * (completion, on text still being typed) stops there instead, and lets a string run to the end of the text.
 */
public final class ClientTokens {
    /** What a token is. */
    public enum Kind { NAME, STRING, NUMBER, BIGINT, PUNCT, END }

    /**
     * One token.
     *
     * @param kind   what it is
     * @param text   the source text of the token
     * @param value  a string's decoded value, a number's text without separators or {@code n}, else the text
     * @param start  its first character's offset
     * @param end    the offset after its last character
     * @param closed false for a string that runs to the end of the text without its closing quote (lenient mode)
     */
    public record Token(Kind kind, String text, String value, int start, int end, boolean closed) {
        /** @return whether this is the punctuation {@code p} */
        public boolean is(String p) { return kind == Kind.PUNCT && text.equals(p); }
    }

    private final String src;
    private final boolean lenient;
    private int pos;

    private ClientTokens(String src, boolean lenient) {
        this.src = src;
        this.lenient = lenient;
    }

    /**
     * @return the tokens of {@code source}, the last one of kind {@link Kind#END}
     * @throws ClientSyntaxError at the first character that starts no token, or an unterminated string or comment
     */
    public static List<Token> of(String source) { return new ClientTokens(source, false).all(); }

    /** @return the tokens up to the first problem (never throws), the last one of kind {@link Kind#END} */
    public static List<Token> lenient(String source) { return new ClientTokens(source, true).all(); }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            try {
                skipSpaceAndComments();
                if (pos >= src.length()) break;
                out.add(next());
            } catch (ClientSyntaxError e) {
                if (!lenient) throw e;
                break;
            }
        }
        out.add(new Token(Kind.END, "", "", src.length(), src.length(), true));
        return out;
    }

    private void skipSpaceAndComments() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') pos++;
            } else if (src.startsWith("/*", pos)) {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) throw new ClientSyntaxError(src, pos, "this comment is never closed (*/)");
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = pos;
        char c = src.charAt(pos);
        if (Character.isJavaIdentifierStart(c)) {
            while (pos < src.length() && Character.isJavaIdentifierPart(src.charAt(pos))) pos++;
            String t = src.substring(start, pos);
            return new Token(Kind.NAME, t, t, start, pos, true);
        }
        if (c == '"' || c == '\'' || c == '`') return string(c);
        if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) return number();
        if ("{}[]():,.;-+".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.PUNCT, String.valueOf(c), String.valueOf(c), start, pos, true);
        }
        throw new ClientSyntaxError(src, start, "unexpected character '" + c + "'");
    }

    private Token string(char quote) {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= src.length() || (quote != '`' && src.charAt(pos) == '\n')) {
                if (lenient) return new Token(Kind.STRING, src.substring(start, pos), value.toString(), start, pos, false);
                throw new ClientSyntaxError(src, start, "this string is never closed (" + quote + ")");
            }
            char c = src.charAt(pos++);
            if (c == quote) break;
            if (quote == '`' && c == '$' && pos < src.length() && src.charAt(pos) == '{') {
                throw new ClientSyntaxError(src, pos - 1, "template literals cannot hold ${...}: write the value itself");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (pos >= src.length()) continue;
            char e = src.charAt(pos++);
            switch (e) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'v' -> value.append('\u000B');
                case '0' -> value.append('\0');
                case '\n' -> { } // a line continuation
                case 'x' -> value.append((char) hex(pos, 2));
                case 'u' -> {
                    if (pos < src.length() && src.charAt(pos) == '{') {
                        int close = src.indexOf('}', pos);
                        if (close < 0) throw new ClientSyntaxError(src, pos - 2, "bad \\u{...} escape");
                        value.appendCodePoint(hex(pos + 1, close - pos - 1));
                        pos = close + 1;
                    } else {
                        value.append((char) hex(pos, 4));
                    }
                }
                default -> value.append(e);
            }
        }
        return new Token(Kind.STRING, src.substring(start, pos), value.toString(), start, pos, true);
    }

    /** Reads {@code digits} hex digits at {@code at} and moves past them. */
    private int hex(int at, int digits) {
        try {
            if (digits < 1 || at + digits > src.length()) throw new NumberFormatException();
            int v = Integer.parseInt(src.substring(at, at + digits), 16);
            pos = at + digits;
            return v;
        } catch (NumberFormatException e) {
            throw new ClientSyntaxError(src, at - 2, "bad escape: expected " + (digits > 0 ? digits : "") + " hex digits");
        }
    }

    private Token number() {
        int start = pos;
        boolean radix = src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0;
        if (radix) pos += 2;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            boolean exponentSign = !radix && (c == '+' || c == '-') && (src.charAt(pos - 1) == 'e' || src.charAt(pos - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '_' || (c == '.' && !radix) || exponentSign) pos++;
            else break;
        }
        String text = src.substring(start, pos);
        String digits = text.replace("_", "");
        boolean big = digits.endsWith("n");
        if (big) digits = digits.substring(0, digits.length() - 1);
        if (!validNumber(digits, radix, big)) throw new ClientSyntaxError(src, start, "'" + text + "' is not a number");
        if (radix) digits = new java.math.BigInteger(digits.substring(2), radixOf(digits.charAt(1))).toString();
        return new Token(big ? Kind.BIGINT : Kind.NUMBER, text, digits, start, pos, true);
    }

    private static boolean validNumber(String digits, boolean radix, boolean big) {
        if (radix) return digits.length() > 2 && digits.substring(2).chars().allMatch(ch -> Character.digit(ch, radixOf(digits.charAt(1))) >= 0);
        if (big) return !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
        return digits.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    }

    private static int radixOf(char marker) {
        return switch (Character.toLowerCase(marker)) {
            case 'x' -> 16;
            case 'o' -> 8;
            default -> 2;
        };
    }
}
