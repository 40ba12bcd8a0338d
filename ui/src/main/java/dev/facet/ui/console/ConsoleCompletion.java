package dev.facet.ui.console;

import dev.facet.data.client.ClientCallParser;
import dev.facet.data.client.ClientTokens;
import dev.facet.data.client.ClientTokens.Kind;
import dev.facet.data.client.ClientTokens.Token;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What may be typed at the caret of a console call, from the schema: {@code prisma.} offers the models,
 * {@code prisma.user.} the methods, and inside the arguments the keys that fit where the caret is (the arguments of
 * the method, the fields of a {@code where}, the filters of a field, the nested writes of a relation, ...).
 */
public final class ConsoleCompletion {
    /**
     * One suggestion.
     *
     * @param label  what is inserted
     * @param detail what it is (a field's type, "model", "method")
     */
    public record Item(String label, String detail) {}

    /**
     * The suggestions at a caret.
     *
     * @param from  where the text they replace starts (the word typed so far)
     * @param to    where it ends (the caret)
     * @param items the suggestions starting with that word, best first
     */
    public record Suggestions(int from, int to, List<Item> items) {
        /** No suggestion. */
        public static Suggestions none(int caret) { return new Suggestions(caret, caret, List.of()); }
    }

    private ConsoleCompletion() {}

    /** @return the suggestions for the caret at {@code caret} in {@code text} */
    public static Suggestions at(String text, int caret, Schema schema) {
        String before = text.substring(0, Math.max(0, Math.min(caret, text.length())));
        List<Token> tokens = new ArrayList<>(ClientTokens.lenient(before));
        tokens.removeLast();
        int from = caret;
        String word = "";
        if (!tokens.isEmpty()) {
            Token last = tokens.getLast();
            // A string being typed may be a value to complete (an enum's, 'asc'); a finished one is not.
            if (last.end() == caret && last.kind() == Kind.STRING && last.closed()) return Suggestions.none(caret);
            if (last.end() == caret && (last.kind() == Kind.NAME || last.kind() == Kind.STRING)) {
                word = last.text();
                from = last.start();
                tokens.removeLast();
            }
        }
        if (!tokens.isEmpty() && tokens.getFirst().kind() == Kind.NAME && tokens.getFirst().text().equals("await")) tokens.removeFirst();
        List<Item> all = candidates(tokens, schema);
        if (word.startsWith("\"") || word.startsWith("'")) {
            // Inside quotes, keys come quoted as well ({ "wh → "where"), and values take the quote typed.
            char q = word.charAt(0);
            all = all.stream().map(i -> new Item(quoted(i.label(), q), i.detail())).toList();
        }
        String w = word.toLowerCase(Locale.ROOT);
        List<Item> matching = new ArrayList<>();
        for (Item i : all) if (i.label().toLowerCase(Locale.ROOT).startsWith(w) && !i.label().equals(word)) matching.add(i);
        return new Suggestions(from, caret, matching);
    }

    /** @return {@code label} between {@code quote}s: a quoted value's quotes replaced, a bare key or word quoted */
    private static String quoted(String label, char quote) {
        boolean isQuoted = label.length() >= 2 && (label.charAt(0) == '\'' || label.charAt(0) == '"');
        return isQuoted ? quote + label.substring(1, label.length() - 1) + quote : quote + label + quote;
    }

    private static List<Item> candidates(List<Token> t, Schema schema) {
        if (t.size() == 2 && t.get(0).kind() == Kind.NAME && t.get(1).is(".")) {
            return schema.models().stream().filter(m -> !m.ignored())
                    .map(m -> new Item(ClientCallParser.clientName(m), m.view() ? "view" : "model")).toList();
        }
        if (t.size() < 4 || !t.get(1).is(".") || !t.get(3).is(".") || t.get(2).kind() != Kind.NAME) return List.of();
        Model model = ClientCallParser.modelOf(schema, t.get(2).text());
        if (model == null) return List.of();
        if (t.size() == 4) {
            return ClientCallParser.ACTIONS.stream().filter(a -> !model.view() || !dev.facet.data.QueryEngine.isWrite(a))
                    .map(a -> new Item(a, dev.facet.data.QueryEngine.isWrite(a) ? "write" : "read")).toList();
        }
        if (t.size() < 6 || t.get(4).kind() != Kind.NAME || !t.get(5).is("(")) return List.of();
        Place place = keyPath(t.subList(6, t.size()));
        if (place == null) return List.of();
        if (place.valueOf() != null) return ArgumentKeys.valuesAt(schema, model, t.get(4).text(), place.path(), place.valueOf());
        // A key the object already has is not offered again.
        return ArgumentKeys.at(schema, model, t.get(4).text(), place.path()).stream().filter(i -> !place.present().contains(i.label())).toList();
    }

    /**
     * One open object or list of the arguments, the key it is the value of (null for a list's elements), and the keys
     * it has so far.
     */
    private record Frame(boolean object, String key, java.util.Set<String> keys) {}

    /**
     * Where the caret is: the keys leading to its object, the keys that object has already, and the key whose value the
     * caret is at (after its ':'), or null where a key goes.
     */
    private record Place(List<String> path, java.util.Set<String> present, String valueOf) {}

    /** @return where the caret is, when it is where a key goes (after '{' or ',') or a value (after ':'), else null */
    private static Place keyPath(List<Token> t) {
        List<Frame> frames = new ArrayList<>();
        String pendingKey = null;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            boolean inObject = !frames.isEmpty() && frames.getLast().object();
            if (k.is("{") || k.is("[")) {
                frames.add(new Frame(k.is("{"), inObject ? pendingKey : null, new java.util.HashSet<>()));
                pendingKey = null;
            } else if (k.is("}") || k.is("]")) {
                if (frames.isEmpty()) return null;
                frames.removeLast();
                pendingKey = null;
            } else if (inObject && (k.kind() == Kind.NAME || k.kind() == Kind.STRING) && i + 1 < t.size() && t.get(i + 1).is(":")
                    && i > 0 && (t.get(i - 1).is("{") || t.get(i - 1).is(","))) {
                pendingKey = k.value();
                frames.getLast().keys().add(pendingKey);
            }
        }
        if (frames.isEmpty() || !frames.getLast().object() || t.isEmpty()) return null;
        Token last = t.getLast();
        if (!last.is("{") && !last.is(",") && !last.is(":")) return null;
        List<String> path = new ArrayList<>();
        for (Frame f : frames) if (f.key() != null) path.add(f.key());
        return new Place(path, frames.getLast().keys(), last.is(":") ? pendingKey : null);
    }
}
