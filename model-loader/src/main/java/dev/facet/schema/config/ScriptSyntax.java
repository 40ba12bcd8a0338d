package dev.facet.schema.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tolerant reader for the small TypeScript/JavaScript subset a {@code prisma.config.ts} uses:
 * imports, {@code const} declarations, {@code export default} / {@code module.exports =}, calls, object
 * literals, strings, {@code process.env.X} and {@code ??}/{@code ||} chains. Whatever else it meets
 * becomes an {@link Opaque} node that remembers its text and line, so only the parts Facet needs must
 * be understood. It never evaluates anything.
 */
final class ScriptSyntax {
    private ScriptSyntax() {}

    // ---- tokens ----

    enum Kind { IDENT, STRING, TEMPLATE_WITH_SUBSTITUTION, NUMBER, PUNCT, EOF }

    /** A token: for strings, {@code text} is the decoded value; {@code start}/{@code end} index the source. */
    record Token(Kind kind, String text, int line, int start, int end) {
        boolean is(String punct) { return kind == Kind.PUNCT && text.equals(punct); }
        boolean isWord(String word) { return kind == Kind.IDENT && text.equals(word); }
    }

    /** A tokenizing problem (an unterminated string or comment) at a line. */
    static final class SyntaxProblem extends Exception {
        final int line;

        SyntaxProblem(String message, int line) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private static final List<String> MULTI_CHAR_PUNCT = List.of("...", "??=", "||=", "=>", "??", "||", "&&", "?.", "===", "!==", "==", "!=");

    static List<Token> tokenize(String src) throws SyntaxProblem {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') { line++; i++; continue; }
            if (Character.isWhitespace(c) || c == '\uFEFF') { i++; continue; }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int close = src.indexOf("*/", i + 2);
                if (close < 0) throw new SyntaxProblem("unterminated /* comment", line);
                line += count(src, i, close, '\n');
                i = close + 2;
                continue;
            }
            int start = i;
            if (c == '"' || c == '\'') {
                int startLine = line;
                StringBuilder value = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n || src.charAt(i) == '\n') throw new SyntaxProblem("unterminated string", line);
                    char d = src.charAt(i);
                    if (d == c) break;
                    if (d == '\\') {
                        if (i + 1 < n && src.charAt(i + 1) == '\n') line++;
                        i = escape(src, i + 1, value);
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                tokens.add(new Token(Kind.STRING, value.toString(), startLine, start, ++i));
                continue;
            }
            if (c == '`') {
                int startLine = line;
                StringBuilder value = new StringBuilder();
                boolean substitution = false;
                i++;
                while (true) {
                    if (i >= n) throw new SyntaxProblem("unterminated template string", startLine);
                    char d = src.charAt(i);
                    if (d == '`') break;
                    if (d == '\n') line++;
                    if (d == '\\') {
                        if (i + 1 < n && src.charAt(i + 1) == '\n') line++;
                        i = escape(src, i + 1, value);
                    } else if (d == '$' && i + 1 < n && src.charAt(i + 1) == '{') {
                        // A substitution makes the string computed: skip it, balancing braces.
                        substitution = true;
                        int depth = 0;
                        while (i < n) {
                            char e = src.charAt(i);
                            if (e == '\n') line++;
                            if (e == '{') depth++;
                            else if (e == '}' && --depth == 0) break;
                            i++;
                        }
                        i++;
                    } else {
                        value.append(d);
                        i++;
                    }
                }
                i++;
                tokens.add(new Token(substitution ? Kind.TEMPLATE_WITH_SUBSTITUTION : Kind.STRING, value.toString(), startLine, start, i));
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(src.charAt(i))) i++;
                tokens.add(new Token(Kind.IDENT, src.substring(start, i), line, start, i));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < n && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '.' || src.charAt(i) == '_')) i++;
                tokens.add(new Token(Kind.NUMBER, src.substring(start, i), line, start, i));
                continue;
            }
            String punct = String.valueOf(c);
            for (String p : MULTI_CHAR_PUNCT) {
                if (src.startsWith(p, i)) { punct = p; break; }
            }
            i += punct.length();
            tokens.add(new Token(Kind.PUNCT, punct, line, start, i));
        }
        tokens.add(new Token(Kind.EOF, "", line, n, n));
        return tokens;
    }

    private static int count(String s, int from, int to, char c) {
        int k = 0;
        for (int i = from; i < to; i++) if (s.charAt(i) == c) k++;
        return k;
    }

    /** Decodes the escape after a backslash at {@code i - 1}; @return the index after it. */
    private static int escape(String src, int i, StringBuilder out) {
        if (i >= src.length()) return i;
        char e = src.charAt(i);
        switch (e) {
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'v' -> out.append('\u000B');
            case '0' -> out.append('\0');
            case '\n' -> { /* line continuation */ }
            case 'x' -> {
                if (i + 3 <= src.length() && isHex(src, i + 1, i + 3)) {
                    out.append((char) Integer.parseInt(src.substring(i + 1, i + 3), 16));
                    return i + 3;
                }
                out.append(e);
            }
            case 'u' -> {
                if (i + 1 < src.length() && src.charAt(i + 1) == '{') {
                    int close = src.indexOf('}', i + 2);
                    if (close > i + 2 && isHex(src, i + 2, close)) {
                        out.appendCodePoint(Integer.parseInt(src.substring(i + 2, close), 16));
                        return close + 1;
                    }
                } else if (i + 5 <= src.length() && isHex(src, i + 1, i + 5)) {
                    out.append((char) Integer.parseInt(src.substring(i + 1, i + 5), 16));
                    return i + 5;
                }
                out.append(e);
            }
            default -> out.append(e);
        }
        return i + 1;
    }

    private static boolean isHex(String s, int from, int to) {
        if (to - from > 6) return false;
        for (int i = from; i < to; i++) if (Character.digit(s.charAt(i), 16) < 0) return false;
        return true;
    }

    // ---- expressions ----

    sealed interface Expr permits ObjectExpr, Str, EnvRef, Call, Ref, Chain, Opaque {
        int line();
    }

    /** An object literal: properties and spreads, in source order (a later one wins). */
    record ObjectExpr(List<Entry> entries, int line) implements Expr {}

    sealed interface Entry permits Property, Spread {}

    /** {@code key: value}; a shorthand {@code key} has a {@link Ref} value; a computed key is null. */
    record Property(String key, Expr value) implements Entry {}

    record Spread(Expr value) implements Entry {}

    record Str(String value, int line) implements Expr {}

    /** {@code process.env.NAME} or {@code process.env["NAME"]}. */
    record EnvRef(String name, int line) implements Expr {}

    /** A call of a plain name, e.g. {@code defineConfig({...})} or {@code env("X")}. */
    record Call(String callee, List<Expr> args, int line) implements Expr {}

    /** A plain name, to look up among the file's declarations. */
    record Ref(String name, int line) implements Expr {}

    /** {@code a ?? b ?? c} or {@code a || b}: the alternatives in order. */
    record Chain(List<Expr> alternatives, int line) implements Expr {}

    /** Anything not understood, with its source text. */
    record Opaque(String text, int line) implements Expr {}

    /** What a script declares: top-level bindings and its export (null when none). */
    record Script(Map<String, Expr> bindings, Expr exported) {}

    private static final Set<String> STATEMENT_WORDS =
            Set.of("import", "export", "const", "let", "var", "function", "class", "module", "if", "for", "while", "return", "async");

    /** Words that look like names but start something this reader does not follow. */
    private static final Set<String> NOT_NAMES =
            Set.of("undefined", "null", "true", "false", "new", "await", "typeof", "void", "function", "async", "class", "this");

    /** Nesting deeper than this (objects in objects, parentheses) is not followed: it becomes opaque. */
    static final int MAX_NESTING = 100;

    static Script parse(String src) throws SyntaxProblem {
        return new Parser(src, tokenize(src)).script();
    }

    private static final class Parser {
        private final String src;
        private final List<Token> tokens;
        private final Map<String, Expr> bindings = new HashMap<>();
        private int pos;
        /** Expressions open around the current token. */
        private int depth;

        Parser(String src, List<Token> tokens) {
            this.src = src;
            this.tokens = tokens;
        }

        private Token peek() { return tokens.get(pos); }

        private Token peek(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

        private Token next() { return tokens.get(pos < tokens.size() - 1 ? pos++ : pos); }

        Script script() {
            Expr exported = null;
            while (peek().kind() != Kind.EOF) {
                Token t = peek();
                if (t.isWord("export") && peek(1).isWord("default")) {
                    pos += 2;
                    exported = expression();
                } else if (t.isWord("export") && peek(1).is("=")) {
                    pos += 2;
                    exported = expression();
                } else if (t.isWord("module") && peek(1).is(".") && peek(2).isWord("exports") && peek(3).is("=")) {
                    pos += 4;
                    exported = expression();
                } else if (t.isWord("export")) {
                    pos++;
                } else if (t.isWord("const") || t.isWord("let") || t.isWord("var")) {
                    pos++;
                    declarations();
                } else if (t.isWord("import")) {
                    pos++;
                    skipExpression();
                } else if (isOpener(t)) {
                    skipGroup();
                } else {
                    pos++;
                }
            }
            return new Script(Map.copyOf(bindings), exported);
        }

        /** After {@code const}: {@code name [: Type] = value, ...}; destructuring is skipped. */
        private void declarations() {
            while (true) {
                Token name = peek();
                if (name.kind() == Kind.IDENT) pos++;
                else if (isOpener(name)) skipGroup();
                else return;
                // Skip a type annotation up to '='.
                while (peek().kind() != Kind.EOF && !peek().is("=") && !peek().is(";") && !startsStatement(peek())) {
                    if (isOpener(peek())) skipGroup();
                    else pos++;
                }
                if (!peek().is("=")) return;
                pos++;
                Expr value = expression();
                if (name.kind() == Kind.IDENT) bindings.putIfAbsent(name.text(), value);
                if (!peek().is(",")) return;
                pos++;
            }
        }

        /** An expression up to a terminator; whatever is not understood becomes {@link Opaque}. */
        private Expr expression() {
            int startIndex = pos;
            if (depth == MAX_NESTING) {
                // Not followed further: the recursion stays bounded, and the value is one this reader does not understand.
                skipExpression();
                return opaque(startIndex, pos);
            }
            depth++;
            try {
                return expressionInside(startIndex);
            } finally {
                depth--;
            }
        }

        private Expr expressionInside(int startIndex) {
            Token first = peek();
            List<Expr> alternatives = new ArrayList<>();
            Expr primary = primary();
            boolean understood = primary != null;
            if (understood) alternatives.add(primary);
            while (understood && (peek().is("??") || peek().is("||"))) {
                pos++;
                Expr alt = primary();
                if (alt == null) understood = false;
                else alternatives.add(alt);
            }
            if (understood) skipTypeSuffix();
            if (understood && atTerminator()) {
                return alternatives.size() == 1 ? alternatives.getFirst() : new Chain(List.copyOf(alternatives), first.line());
            }
            pos = startIndex;
            skipExpression();
            return opaque(startIndex, pos);
        }

        private Expr primary() {
            Token t = peek();
            Expr result;
            switch (t.kind()) {
                case STRING -> {
                    pos++;
                    result = new Str(t.text(), t.line());
                }
                case IDENT -> result = namePrimary();
                case PUNCT -> {
                    if (t.is("{")) result = object();
                    else if (t.is("(")) {
                        pos++;
                        Expr inner = expression();
                        if (!peek().is(")") || inner instanceof Opaque) return null;
                        pos++;
                        result = inner;
                    } else return null;
                }
                default -> { return null; }
            }
            if (result != null) while (peek().is("!")) pos++; // TypeScript non-null assertion
            return result;
        }

        private Expr namePrimary() {
            Token name = next();
            if (name.isWord("process") && peek().is(".") && peek(1).isWord("env")) {
                pos += 2;
                if (peek().is(".") && peek(1).kind() == Kind.IDENT) {
                    pos++;
                    return new EnvRef(next().text(), name.line());
                }
                if (peek().is("[") && peek(1).kind() == Kind.STRING && peek(2).is("]")) {
                    pos++;
                    String key = next().text();
                    pos++;
                    return new EnvRef(key, name.line());
                }
                return null;
            }
            if (NOT_NAMES.contains(name.text())) return null;
            if (peek().is("<")) skipTypeArguments();
            if (peek().is("(")) {
                pos++;
                List<Expr> args = new ArrayList<>();
                while (!peek().is(")")) {
                    if (peek().kind() == Kind.EOF) return null;
                    args.add(expression());
                    if (peek().is(",")) pos++;
                    else if (!peek().is(")")) return null;
                }
                pos++;
                return new Call(name.text(), List.copyOf(args), name.line());
            }
            return new Ref(name.text(), name.line());
        }

        private Expr object() {
            Token open = next();
            List<Entry> entries = new ArrayList<>();
            while (!peek().is("}")) {
                if (peek().kind() == Kind.EOF) return null;
                if (peek().is("...")) {
                    pos++;
                    entries.add(new Spread(expression()));
                } else {
                    int keyIndex = pos;
                    Token key = peek();
                    String name = null;
                    if (key.kind() == Kind.IDENT || key.kind() == Kind.STRING || key.kind() == Kind.NUMBER) {
                        name = key.text();
                        pos++;
                    } else if (key.is("[")) {
                        skipGroup();
                    } else {
                        pos++;
                    }
                    if (peek().is(":")) {
                        pos++;
                        entries.add(new Property(name, expression()));
                    } else if (name != null && (peek().is(",") || peek().is("}"))) {
                        entries.add(new Property(name, new Ref(name, key.line())));
                    } else {
                        // A method, accessor or something stranger: keep the key, not the value.
                        skipExpression();
                        entries.add(new Property(name, opaque(keyIndex, pos)));
                    }
                }
                if (peek().is(",")) pos++;
                else if (!peek().is("}")) skipExpression();
            }
            pos++;
            return new ObjectExpr(List.copyOf(entries), open.line());
        }

        /** {@code as Type}, {@code satisfies Type}: types say nothing about values. */
        private void skipTypeSuffix() {
            while (peek().isWord("as") || peek().isWord("satisfies")) {
                pos++;
                while (!atTerminator() && !peek().is("??") && !peek().is("||")) {
                    if (isOpener(peek())) skipGroup();
                    else pos++;
                }
            }
        }

        /** {@code env<Env>("X")}: skips {@code <...>} when a call follows it. */
        private void skipTypeArguments() {
            int depth = 0;
            int i = pos;
            for (; i < tokens.size() - 1; i++) {
                Token t = tokens.get(i);
                if (t.is("<")) depth++;
                else if (t.is(">") && --depth == 0) break;
                else if (t.is(";") || t.is("=>")) return;
            }
            if (depth == 0 && tokens.get(i + 1).is("(")) pos = i + 1;
        }

        /** Skips to the end of the current expression: a separator or closer at depth 0, or a new statement. */
        private void skipExpression() {
            while (!atTerminator()) {
                if (isOpener(peek())) skipGroup();
                else pos++;
            }
        }

        private boolean atTerminator() {
            Token t = peek();
            return t.kind() == Kind.EOF || t.is(",") || t.is(";") || t.is(")") || t.is("}") || t.is("]") || startsStatement(t);
        }

        /** Automatic semicolon insertion, roughly: a statement keyword at the start of a line ends the expression. */
        private boolean startsStatement(Token t) {
            return t.kind() == Kind.IDENT && STATEMENT_WORDS.contains(t.text()) && pos > 0 && tokens.get(pos - 1).line() < t.line();
        }

        private static boolean isOpener(Token t) { return t.is("(") || t.is("[") || t.is("{"); }

        /** Skips a balanced (), [] or {} group starting at the current opener. */
        private void skipGroup() {
            int depth = 0;
            do {
                Token t = next();
                if (isOpener(t)) depth++;
                else if (t.is(")") || t.is("]") || t.is("}")) depth--;
                if (t.kind() == Kind.EOF) return;
            } while (depth > 0);
        }

        private Opaque opaque(int fromToken, int toToken) {
            Token first = tokens.get(fromToken);
            int end = toToken > fromToken ? tokens.get(toToken - 1).end() : first.end();
            String text = src.substring(first.start(), Math.max(first.start(), end)).replaceAll("\\s+", " ").strip();
            return new Opaque(text, first.line());
        }
    }
}
