package dev.facet.schema.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English word forms for the relation fields the formatter adds: {@code OhWhatAUser} becomes
 * {@code ohWhatAUser}, and {@code post2} becomes {@code post2s}, as Prisma names them.
 */
final class Inflector {
    private Inflector() {}

    private record Rule(Pattern pattern, String replacement) {
        static Rule of(String regex, String replacement) {
            return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
        }
    }

    /** Checked in order; the first that matches the end of the word decides its plural. */
    private static final List<Rule> PLURAL_RULES = List.of(
            Rule.of("(quiz)$", "$1zes"),
            Rule.of("^(oxen)$", "$1"),
            Rule.of("^(ox)$", "$1en"),
            Rule.of("^(m|l)ice$", "$1ice"),
            Rule.of("^(m|l)ouse$", "$1ice"),
            Rule.of("(matr|vert|ind)(?:ix|ex)$", "$1ices"),
            Rule.of("(x|ch|ss|sh)$", "$1es"),
            Rule.of("([^aeiouy]|qu)y$", "$1ies"),
            Rule.of("(hive)$", "$1s"),
            Rule.of("([^f])fe$", "$1ves"),
            Rule.of("([lr])f$", "$1ves"),
            Rule.of("sis$", "ses"),
            Rule.of("([ti])a$", "$1a"),
            Rule.of("([ti])um$", "$1a"),
            Rule.of("(buffal|tomat)o$", "$1oes"),
            Rule.of("(bu)s$", "$1ses"),
            Rule.of("(alias|status)$", "$1es"),
            Rule.of("(octop|vir)i$", "$1i"),
            Rule.of("(octop|vir)us$", "$1i"),
            Rule.of("^(ax|test)is$", "$1es"),
            Rule.of("s$", "s"),
            Rule.of("$", "s"));

    private static final Map<String, String> IRREGULAR = Map.of(
            "person", "people", "man", "men", "woman", "women", "child", "children",
            "sex", "sexes", "move", "moves", "zombie", "zombies");

    private static final Set<String> UNCOUNTABLE = Set.of(
            "equipment", "information", "rice", "money", "species", "series", "fish", "sheep", "jeans", "police");

    /** {@code User_Profile} and {@code UserProfile} both become {@code userProfile}. */
    static String camelCase(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) return name;
        StringBuilder out = new StringBuilder(words.getFirst().toLowerCase(Locale.ROOT));
        for (String w : words.subList(1, words.size())) {
            out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /** The plural of a camel-case name; only its last word changes ({@code userCategory} to {@code userCategories}). */
    static String plural(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) return name;
        String last = words.getLast();
        String lower = last.toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(lower)) return name;
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            String prefix = name.substring(0, name.length() - last.length());
            return prefix + last.charAt(0) + irregular.substring(1);
        }
        for (Rule rule : PLURAL_RULES) {
            Matcher m = rule.pattern().matcher(name);
            if (m.find()) return m.replaceFirst(rule.replacement());
        }
        return name;
    }

    /** Splits at separators, at a lower-case letter or digit followed by a capital, and at the end of an acronym. */
    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(word, words);
                continue;
            }
            if (!word.isEmpty() && Character.isUpperCase(c)) {
                char prev = word.charAt(word.length() - 1);
                boolean nextIsLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (!Character.isUpperCase(prev) || nextIsLower) flush(word, words);
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) words.add(word.toString());
        word.setLength(0);
    }
}
