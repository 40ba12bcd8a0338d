package dev.facet.schema.parser;

import dev.facet.schema.ast.Argument;
import dev.facet.schema.ast.ArgumentList;
import dev.facet.schema.ast.Arity;
import dev.facet.schema.ast.Attribute;
import dev.facet.schema.ast.Block;
import dev.facet.schema.ast.BlockKind;
import dev.facet.schema.ast.Comment;
import dev.facet.schema.ast.Expression;
import dev.facet.schema.ast.FieldType;
import dev.facet.schema.ast.Identifier;
import dev.facet.schema.ast.Member;
import dev.facet.schema.ast.SchemaAst;
import dev.facet.schema.ast.TopItem;
import dev.facet.schema.diagnostics.Diagnostics;
import dev.facet.schema.diagnostics.Messages;
import dev.facet.schema.source.SourceFile;
import dev.facet.schema.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one schema file into a {@link SchemaAst}, following the grammar of Prisma's
 * {@code datamodel.pest}: line oriented, with unrecognised lines kept as {@code Invalid} items
 * and reported, never thrown.
 *
 * <p>In its own package above {@code ast} and {@code diagnostics}: the tree is plain data, and the
 * messages may name its types without a package cycle.
 *
 * <p>Longer than the house's 600 lines on purpose: a recursive descent whose every rule moves one cursor over
 * the same text, and whose rules call each other (an attribute's arguments hold expressions, which hold arrays
 * and function calls); split in classes, each would need the others' cursor, and a reader would follow one
 * grammar across files. Its sections follow the grammar: top level, blocks, types and expressions, comments.
 */
public final class Parser {
    /**
     * The deepest nesting of brackets and parentheses an expression may have (an attribute's own
     * parentheses count as one level). Real schemas nest three or four levels; the bound keeps the
     * recursive descent, and every pass that walks the tree after it, far from a stack overflow.
     */
    public static final int MAX_NESTING = 100;

    private final SourceFile file;
    private final String src;
    private final Diagnostics diagnostics;
    private int pos;
    /** Brackets and parentheses open around the current position. */
    private int nesting;
    /** Where the text of an expression that was nested too deeply ends, once reported; -1 otherwise. */
    private int tooDeepEnd = -1;
    /** Where the outermost bracket or parenthesis open around the current position is. */
    private int outermostOpen;

    private Parser(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.src = file.text();
        this.diagnostics = diagnostics;
    }

    /**
     * Parses {@code file}, reporting syntax problems to {@code diagnostics}.
     *
     * @return the syntax tree; always returned, whatever the input
     */
    public static SchemaAst parse(SourceFile file, Diagnostics diagnostics) {
        return new Parser(file, diagnostics).schema();
    }

    // ---------------------------------------------------------------- top level

    private SchemaAst schema() {
        List<TopItem> items = new ArrayList<>();
        List<Comment> pendingDocs = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (atEnd()) break;
            int lineStart = pos;
            if (atNewline()) {
                flushComments(pendingDocs, items);
                int count = 0;
                while (true) {
                    int save = pos;
                    skipSpaces();
                    if (atNewline()) { skipNewline(); count++; } else { pos = save; break; }
                }
                items.add(new TopItem.EmptyLines(count, span(lineStart, pos)));
                continue;
            }
            if (startsComment()) {
                Comment c = comment();
                skipNewline();
                pendingDocs.add(c);
                continue;
            }
            int save = pos;
            Identifier keyword = identifier();
            BlockKind kind = keyword == null ? null : blockKind(keyword.name());
            if (kind == BlockKind.TYPE && looksLikeTypeAlias()) {
                flushComments(pendingDocs, items);
                items.add(typeAlias(keyword));
                continue;
            }
            if (kind != null) {
                int afterKeyword = pos;
                skipSpaces();
                Identifier name = identifier();
                skipSpaces();
                if (name != null && peek() == '{') {
                    String docs = documentation(pendingDocs, items);
                    items.add(block(kind, keyword, name, docs));
                    continue;
                }
                pos = afterKeyword;
            }
            flushComments(pendingDocs, items);
            pos = save;
            items.add(invalidTopLevel());
        }
        flushComments(pendingDocs, items);
        return new SchemaAst(file, items);
    }

    /** Documentation is the run of {@code ///} comments right above a block; other comments stay free-standing. */
    private String documentation(List<Comment> pending, List<TopItem> items) {
        int firstDoc = pending.size();
        while (firstDoc > 0 && pending.get(firstDoc - 1).isDoc()) firstDoc--;
        List<Comment> docs = new ArrayList<>(pending.subList(firstDoc, pending.size()));
        pending.subList(firstDoc, pending.size()).clear();
        flushComments(pending, items);
        return docs.isEmpty() ? null : joinDocs(docs);
    }

    private static String joinDocs(List<Comment> docs) {
        StringBuilder sb = new StringBuilder();
        for (Comment c : docs) {
            if (!sb.isEmpty()) sb.append('\n');
            String t = c.text().substring(3);
            sb.append(t.startsWith(" ") ? t.substring(1) : t);
        }
        return sb.toString();
    }

    private void flushComments(List<Comment> pending, List<TopItem> items) {
        for (Comment c : pending) items.add(new TopItem.CommentLine(c, c.span()));
        pending.clear();
    }

    private static BlockKind blockKind(String word) {
        for (BlockKind k : BlockKind.values()) if (k.keyword().equals(word)) return k;
        return null;
    }

    private boolean looksLikeTypeAlias() {
        int save = pos;
        try {
            skipSpaces();
            if (identifier() == null) return false;
            skipSpaces();
            return peek() == '=';
        } finally {
            pos = save;
        }
    }

    private TopItem typeAlias(Identifier keyword) {
        skipSpaces();
        Identifier name = identifier();
        skipSpaces();
        pos++; // '='
        skipSpaces();
        FieldType target = fieldType();
        List<Attribute> attributes = new ArrayList<>();
        skipSpaces();
        while (peek() == '@') {
            Attribute a = attribute(false);
            if (a == null) {
                if (tooDeepEnd >= 0) pos = tooDeepEnd; // reported already; the rest of its line is skipped below
                tooDeepEnd = -1;
                break;
            }
            attributes.add(a);
            skipSpaces();
        }
        Span span = span(keyword.span().start(), pos);
        restOfLine();
        return new TopItem.TypeAlias(name, target, attributes, span);
    }

    /** An unknown keyword: either a whole unknown block or a single bad line. */
    private TopItem invalidTopLevel() {
        int start = pos;
        Identifier first = identifier();
        if (first != null) {
            skipSpaces();
            int save = pos;
            Identifier second = identifier();
            if (second == null) pos = save;
            skipSpaces();
            if (peek() == '{') {
                int close = src.indexOf('}', pos);
                int end = close < 0 ? src.length() : close + 1;
                pos = end;
                Span span = span(start, end);
                diagnostics.error(Messages.invalidBlock(), span);
                restOfLine();
                return new TopItem.Invalid(span.text(), span);
            }
        }
        pos = start;
        int end = lineEnd(start);
        pos = end;
        skipNewline();
        Span span = span(start, end);
        diagnostics.error(Messages.invalidTopLevelLine(), span);
        return new TopItem.Invalid(span.text(), span);
    }

    // ---------------------------------------------------------------- blocks

    private Block block(BlockKind kind, Identifier keyword, Identifier name, String docs) {
        int start = keyword.span().start();
        pos++; // '{'
        skipSpaces();
        if (peek() == '}') { // an empty block written on one line: `model A {}`
            pos++;
            Span span = span(start, pos);
            restOfLine();
            return new Block(kind, keyword.span(), name, List.of(), docs, span);
        }
        restOfLine(); // anything after '{' on the same line is ignored, as Prisma does
        List<Member> members = new ArrayList<>();
        List<Comment> pendingDocs = new ArrayList<>();
        boolean closed = false;
        while (!atEnd()) {
            int lineStart = pos;
            skipSpaces();
            if (atEnd()) break;
            char c = peek();
            if (c == '}') {
                pos++;
                closed = true;
                break;
            }
            if (atNewline()) {
                flushMembers(pendingDocs, members);
                int count = 0;
                pos = lineStart;
                while (true) {
                    int save = pos;
                    skipSpaces();
                    if (atNewline()) { skipNewline(); count++; } else { pos = save; break; }
                }
                members.add(new Member.EmptyLines(count, span(lineStart, pos)));
                continue;
            }
            if (startsComment()) {
                Comment comment = comment();
                skipNewline();
                pendingDocs.add(comment);
                continue;
            }
            Member member = member(kind, name.name(), pendingDocs, members);
            members.add(member);
        }
        flushMembers(pendingDocs, members);
        Span span = span(start, pos);
        if (!closed) diagnostics.error(Messages.unclosedBlock(kind.keyword(), name.name()), keyword.span().to(name.span()));
        restOfLine();
        return new Block(kind, keyword.span(), name, members, docs, span);
    }

    private void flushMembers(List<Comment> pending, List<Member> members) {
        for (Comment c : pending) members.add(new Member.CommentLine(c, c.span()));
        pending.clear();
    }

    private String memberDocs(List<Comment> pending, List<Member> members) {
        int firstDoc = pending.size();
        while (firstDoc > 0 && pending.get(firstDoc - 1).isDoc()) firstDoc--;
        List<Comment> docs = new ArrayList<>(pending.subList(firstDoc, pending.size()));
        pending.subList(firstDoc, pending.size()).clear();
        flushMembers(pending, members);
        return docs.isEmpty() ? null : joinDocs(docs);
    }

    private Member member(BlockKind kind, String blockName, List<Comment> pendingDocs, List<Member> members) {
        int start = pos;
        if (!kind.isConfiguration() && src.startsWith("@@", pos)) {
            flushMembers(pendingDocs, members);
            Attribute attribute = attribute(true);
            if (attribute == null) return invalidMember(kind, start);
            int end = pos;
            Comment trailing = trailingComment();
            if (lineEndsHere()) {
                skipNewline();
                return new Member.BlockAttribute(attribute, trailing, span(start, end));
            }
            return invalidMember(kind, start);
        }
        Identifier name = identifier();
        if (name == null) {
            flushMembers(pendingDocs, members);
            return invalidMember(kind, start);
        }
        String docs = memberDocs(pendingDocs, members);
        return switch (kind) {
            case DATASOURCE, GENERATOR -> property(kind, name, docs, start);
            case ENUM -> enumValue(name, docs, start);
            default -> field(kind, blockName, name, docs, start);
        };
    }

    private Member field(BlockKind kind, String blockName, Identifier name, String docs, int start) {
        skipSpaces();
        if (peek() == ':') { // legacy `name: Type`
            pos++;
            skipSpaces();
        }
        if (lineEndsHere() || startsComment()) {
            Comment trailing = trailingComment();
            skipNewline();
            Span span = name.span();
            diagnostics.error(Messages.fieldDeclarationInvalid(kind, blockName), span);
            return new Member.Field(name, null, null, List.of(), docs, trailing, span);
        }
        FieldType type = fieldType();
        if (type == null) return invalidMember(kind, start);
        List<Attribute> attributes = new ArrayList<>();
        int end = pos;
        skipSpaces();
        while (peek() == '@' && !src.startsWith("@@", pos)) {
            Attribute a = attribute(false);
            if (a == null) return invalidMember(kind, start);
            attributes.add(a);
            end = pos;
            skipSpaces();
        }
        Comment trailing = trailingComment();
        if (!lineEndsHere()) return invalidMember(kind, start);
        skipNewline();
        return new Member.Field(name, type, null, attributes, docs, trailing, span(start, end));
    }

    private Member enumValue(Identifier name, String docs, int start) {
        List<Attribute> attributes = new ArrayList<>();
        int end = pos;
        skipSpaces();
        while (peek() == '@' && !src.startsWith("@@", pos)) {
            Attribute a = attribute(false);
            if (a == null) return invalidMember(BlockKind.ENUM, start);
            attributes.add(a);
            end = pos;
            skipSpaces();
        }
        Comment trailing = trailingComment();
        if (!lineEndsHere()) return invalidMember(BlockKind.ENUM, start);
        skipNewline();
        return new Member.Field(name, null, null, attributes, docs, trailing, span(start, end));
    }

    private Member property(BlockKind kind, Identifier name, String docs, int start) {
        skipSpaces();
        if (peek() != '=') return invalidMember(kind, start);
        pos++;
        skipSpaces();
        Expression value = null;
        int end = pos;
        if (!lineEndsHere() && !startsComment()) {
            value = expression();
            if (value == null) return invalidMember(kind, start);
            end = pos;
        }
        skipSpaces();
        Comment trailing = trailingComment();
        if (!lineEndsHere()) return invalidMember(kind, start);
        skipNewline();
        return new Member.Field(name, null, value, List.of(), docs, trailing, span(start, value == null ? end : value.span().end()));
    }

    private Member invalidMember(BlockKind kind, int start) {
        // An expression nested too deeply is reported already, and may run over several lines.
        boolean tooDeep = tooDeepEnd >= start;
        int from = tooDeep ? tooDeepEnd : start;
        tooDeepEnd = -1;
        pos = start;
        int end = lineEnd(from);
        // A closing brace on the same line still closes the block (searched within the line only, or
        // every invalid line of an unclosed block would scan to the end of the file).
        int brace = src.indexOf('}', from, end);
        if (brace >= 0 && !src.substring(from, brace).contains("\"")) end = brace;
        pos = end;
        if (end < src.length() && src.charAt(end) != '}') skipNewline();
        Span span = span(start, trimEnd(start, end));
        if (!tooDeep) diagnostics.error(Messages.invalidBlockLine(kind), span);
        return new Member.Invalid(span.text(), span);
    }

    // ---------------------------------------------------------------- types, attributes, expressions

    private FieldType fieldType() {
        int start = pos;
        if (peek() == '[') { // legacy [T]
            pos++;
            Identifier base = identifier();
            if (base == null || peek() != ']') { pos = start; return null; }
            pos++;
            return new FieldType(base.name(), base.span(), Arity.LIST, null, false, "[T]", span(start, pos));
        }
        Identifier base = identifier();
        if (base == null) return null;
        String unsupported = null;
        if (base.name().equals("Unsupported") && peek() == '(') {
            int save = pos;
            pos++;
            skipSpaces();
            if (peek() == '"') {
                Expression.StringValue s = string();
                skipSpaces();
                if (peek() == ')') {
                    pos++;
                    unsupported = s.value();
                } else {
                    pos = save;
                }
            } else {
                pos = save;
            }
        }
        Span nameSpan = unsupported != null ? span(start, pos) : base.span();
        Arity arity = Arity.REQUIRED;
        boolean optionalList = false;
        String legacy = null;
        if (src.startsWith("[]", pos)) {
            pos += 2;
            arity = Arity.LIST;
            if (peek() == '?') { pos++; optionalList = true; }
        } else if (peek() == '?') {
            pos++;
            arity = Arity.OPTIONAL;
        } else if (peek() == '!') {
            pos++;
            legacy = "T!";
        }
        return new FieldType(base.name(), nameSpan, arity, unsupported, optionalList, legacy, span(start, pos));
    }

    private Attribute attribute(boolean block) {
        int start = pos;
        pos += block ? 2 : 1;
        int nameStart = pos;
        String path = path();
        if (path == null) { pos = start; return null; }
        Span nameSpan = span(nameStart, pos);
        ArgumentList args = null;
        if (peek() == '(') {
            args = argumentList();
            if (args == null) { pos = start; return null; }
        }
        return new Attribute(path, nameSpan, args, span(start, pos));
    }

    private ArgumentList argumentList() {
        if (nesting == MAX_NESTING) return tooDeep();
        if (nesting++ == 0) outermostOpen = pos;
        try {
            return argumentListInside();
        } finally {
            nesting--;
        }
    }

    private ArgumentList argumentListInside() {
        int start = pos;
        pos++; // '('
        List<Argument> args = new ArrayList<>();
        skipAllSpace();
        if (peek() == ')') {
            pos++;
            return new ArgumentList(args, span(start, pos));
        }
        while (true) {
            skipAllSpace();
            if (peek() == ')') { pos++; break; } // trailing comma
            Argument arg = argument();
            if (arg == null) return null;
            args.add(arg);
            skipAllSpace();
            if (peek() == ',') { pos++; continue; }
            if (peek() == ')') { pos++; break; }
            return null;
        }
        return new ArgumentList(args, span(start, pos));
    }

    private Argument argument() {
        int start = pos;
        Identifier name = identifier();
        if (name != null) {
            int afterName = pos;
            skipSpaces();
            if (peek() == ':') {
                pos++;
                skipAllSpace();
                if (peek() == ',' || peek() == ')') return new Argument(name, null, span(start, pos));
                Expression value = expression();
                if (value == null) return null;
                return new Argument(name, value, span(start, value.span().end()));
            }
            pos = afterName;
        }
        pos = start;
        Expression value = expression();
        if (value == null) return null;
        return new Argument(null, value, value.span());
    }

    private Expression expression() {
        char c = peek();
        int start = pos;
        if (c == '"') return string();
        if (c == '[') {
            if (nesting == MAX_NESTING) return tooDeep();
            if (nesting++ == 0) outermostOpen = pos;
            try {
                return array();
            } finally {
                nesting--;
            }
        }
        if (c == '-' || isDigit(c)) {
            int save = pos;
            if (c == '-') pos++;
            if (isDigit(peek())) {
                while (isDigit(peek())) pos++;
                if (peek() == '.' && isDigit(peekAt(1))) {
                    pos++;
                    while (isDigit(peek())) pos++;
                }
                if (!isIdentChar(peek())) return new Expression.NumericValue(src.substring(start, pos), span(start, pos));
            }
            pos = save;
        }
        String path = path();
        if (path == null) return null;
        Span nameSpan = span(start, pos);
        if (peek() == '(') {
            ArgumentList args = argumentList();
            if (args == null) return null;
            return new Expression.FunctionCall(path, nameSpan, args, span(start, pos));
        }
        return new Expression.ConstantValue(path, nameSpan);
    }

    private Expression.ArrayValue array() {
        int start = pos;
        pos++; // '['
        List<Expression> items = new ArrayList<>();
        skipAllSpace();
        if (peek() == ']') { pos++; return new Expression.ArrayValue(items, span(start, pos)); }
        while (true) {
            skipAllSpace();
            if (peek() == ']') { pos++; break; }
            Expression e = expression();
            if (e == null) return null;
            items.add(e);
            skipAllSpace();
            if (peek() == ',') { pos++; continue; }
            if (peek() == ']') { pos++; break; }
            return null;
        }
        return new Expression.ArrayValue(items, span(start, pos));
    }

    /**
     * Reports the bracket or parenthesis at {@code pos}, one level too deep, with everything up to its
     * matching closer (found by counting, not by recursion), and fails the enclosing member, whose
     * text then runs to the closer of its outermost bracket.
     *
     * @return null, so that every enclosing expression fails as on any other syntax error
     */
    private <T> T tooDeep() {
        int start = pos;
        int end = matchingCloser(start);
        diagnostics.error(Messages.nestedTooDeeply(MAX_NESTING), span(start, end));
        tooDeepEnd = Math.max(end, matchingCloser(outermostOpen));
        pos = tooDeepEnd;
        return null;
    }

    /** Just after the bracket or parenthesis that closes the one at {@code open}, skipping string literals; the line's end when there is none. */
    private int matchingCloser(int open) {
        int depth = 0;
        for (int p = open; p < src.length(); p++) {
            char c = src.charAt(p);
            if (c == '"') {
                p++;
                while (p < src.length() && src.charAt(p) != '"' && src.charAt(p) != '\n') p += src.charAt(p) == '\\' ? 2 : 1;
                if (p >= src.length() || src.charAt(p) == '\n') return lineEnd(open);
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (--depth == 0) return p + 1;
            } else if (src.startsWith("//", p)) {
                int nl = src.indexOf('\n', p);
                p = nl < 0 ? src.length() : nl; // a comment between arguments, as skipAllSpace allows
            } else if (c == '}') {
                return lineEnd(open); // a brace cannot be inside an expression: the brackets are not closed
            }
        }
        return lineEnd(open);
    }

    private Expression.StringValue string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                return new Expression.StringValue(value.toString(), span(start, pos));
            }
            if (c == '\n') break;
            if (c == '\\' && pos + 1 < src.length()) {
                char e = src.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '0' -> value.append('\0');
                    case 'u' -> {
                        if (pos + 4 <= src.length() && src.substring(pos, pos + 4).chars().allMatch(Parser::isHex)) {
                            value.append((char) Integer.parseInt(src.substring(pos, pos + 4), 16));
                            pos += 4;
                        } else {
                            value.append("\\u");
                        }
                    }
                    default -> value.append(e);
                }
                continue;
            }
            value.append(c);
            pos++;
        }
        // Unterminated: report it and take the rest of the line as the value.
        Span span = span(start, pos);
        diagnostics.error(Messages.unterminatedString(), span);
        return new Expression.StringValue(value.toString(), span);
    }

    /** {@code identifier ("." identifier)*}, as attribute names and constants use. */
    private String path() {
        Identifier first = identifier();
        if (first == null) return null;
        StringBuilder sb = new StringBuilder(first.name());
        while (peek() == '.' && isIdentStart(peekAt(1))) {
            pos++;
            sb.append('.').append(identifier().name());
        }
        return sb.toString();
    }

    /** Prisma identifiers: a letter or digit, then letters, digits, {@code _} and {@code -}. */
    private Identifier identifier() {
        int start = pos;
        if (!isIdentStart(peek())) return null;
        pos++;
        while (isIdentChar(peek())) pos++;
        return new Identifier(src.substring(start, pos), span(start, pos));
    }

    // ---------------------------------------------------------------- comments and whitespace

    private boolean startsComment() {
        return src.startsWith("//", pos) || src.startsWith("/*", pos);
    }

    private Comment comment() {
        int start = pos;
        if (src.startsWith("/*", pos)) {
            int close = src.indexOf("*/", pos + 2);
            pos = close < 0 ? src.length() : close + 2;
            return new Comment(src.substring(start, pos), span(start, pos));
        }
        int end = lineEnd(pos);
        pos = end;
        int trimmed = trimEnd(start, end);
        return new Comment(src.substring(start, trimmed), span(start, trimmed));
    }

    private Comment trailingComment() {
        skipSpaces();
        if (!startsComment()) return null;
        Comment c = comment();
        skipSpaces();
        return c;
    }

    private boolean lineEndsHere() {
        int save = pos;
        skipSpaces();
        boolean ends = atEnd() || atNewline() || peek() == '}' && blockCloseIsAlone();
        pos = save;
        return ends;
    }

    /** Prisma lets a closing brace end the last line of a block only when it stands at the line's end. */
    private boolean blockCloseIsAlone() {
        int p = pos + 1;
        while (p < src.length() && (src.charAt(p) == ' ' || src.charAt(p) == '\t' || src.charAt(p) == '\r')) p++;
        return p >= src.length() || src.charAt(p) == '\n';
    }

    private void restOfLine() {
        skipSpaces();
        if (startsComment()) comment();
        pos = lineEnd(pos);
        skipNewline();
    }

    private int lineEnd(int from) {
        int nl = src.indexOf('\n', from);
        int end = nl < 0 ? src.length() : nl;
        // Only a '\r' before '\n' ends a line; dropping a final lone '\r' left the callers no progress to make.
        if (nl >= 0 && end > from && src.charAt(end - 1) == '\r') end--;
        return end;
    }

    private int trimEnd(int start, int end) {
        while (end > start && Character.isWhitespace(src.charAt(end - 1))) end--;
        return end;
    }

    private void skipSpaces() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\r' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n') pos++;
            else break;
        }
    }

    /** Inside parentheses and brackets, newlines and comments are whitespace too. */
    private void skipAllSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00a0') pos++;
            else if (src.startsWith("//", pos)) pos = lineEnd(pos);
            else break;
        }
    }

    private boolean atNewline() {
        return pos < src.length() && (src.charAt(pos) == '\n' || src.startsWith("\r\n", pos));
    }

    private void skipNewline() {
        if (src.startsWith("\r\n", pos)) pos += 2;
        else if (pos < src.length() && src.charAt(pos) == '\n') pos++;
    }

    private boolean atEnd() { return pos >= src.length(); }

    private char peek() { return pos < src.length() ? src.charAt(pos) : '\0'; }

    private char peekAt(int ahead) { return pos + ahead < src.length() ? src.charAt(pos + ahead) : '\0'; }

    private Span span(int start, int end) { return new Span(file, start, Math.max(start, end)); }

    private static boolean isDigit(char c) { return c >= '0' && c <= '9'; }

    private static boolean isHex(int c) { return isDigit((char) c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

    /** Letters of any script are allowed (Prisma accepts {@code Lööp}); so are digits, which validation then rejects at the start of a name. */
    private static boolean isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c > 127 && Character.isLetterOrDigit(c); }

    private static boolean isIdentChar(char c) { return isIdentStart(c) || c == '_' || c == '-'; }
}
