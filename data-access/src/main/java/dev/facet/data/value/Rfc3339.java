package dev.facet.data.value;

/**
 * Why a text is no RFC 3339 date-time, in the words of the Rust parser Prisma's engine uses (chrono's
 * {@code parse_from_rfc3339}): it reads the parts in order and stops at the first that is missing ("premature end of
 * input") or wrong ("input contains invalid characters"); text after the offset is "trailing input"; a part beyond its
 * range (month 13) is "input is out of range".
 */
final class Rfc3339 {
    private final String s;
    private int at;

    private Rfc3339(String s) { this.s = s; }

    private static final String SHORT = "premature end of input";
    private static final String INVALID = "input contains invalid characters";

    /** The reason {@code text} is refused; "input is out of range" when its syntax is right. */
    static String reason(String text) {
        return new Rfc3339(text).scan();
    }

    private String scan() {
        int[] parts = new int[6];
        String[] separators = {"-", "-", "T", ":", ":", null};
        int[] widths = {4, 2, 2, 2, 2, 2};
        for (int i = 0; i < 6; i++) {
            String problem = digits(widths[i]);
            if (problem != null) return problem;
            parts[i] = Integer.parseInt(s.substring(at - widths[i], at));
            if (separators[i] == null) break;
            if (at >= s.length()) return SHORT;
            char c = s.charAt(at);
            boolean ok = separators[i].equals("T") ? c == 'T' || c == 't' || c == ' ' : c == separators[i].charAt(0);
            if (!ok) return INVALID;
            at++;
        }
        if (at < s.length() && s.charAt(at) == '.') {
            at++;
            int start = at;
            while (at < s.length() && Character.isDigit(s.charAt(at))) at++;
            if (at == start) return at >= s.length() ? SHORT : INVALID;
        }
        if (at >= s.length()) return SHORT;
        char c = s.charAt(at);
        if (c == 'Z' || c == 'z') {
            at++;
        } else if (c == '+' || c == '-') {
            at++;
            String problem = digits(2);
            if (problem != null) return problem;
            if (at >= s.length()) return SHORT;
            if (s.charAt(at) != ':') return INVALID;
            at++;
            problem = digits(2);
            if (problem != null) return problem;
        } else {
            return INVALID;
        }
        if (at < s.length()) return "trailing input";
        return "input is out of range";
    }

    private String digits(int n) {
        if (s.length() - at < n) return SHORT;
        for (int i = 0; i < n; i++) if (!Character.isDigit(s.charAt(at + i))) return INVALID;
        at += n;
        return null;
    }
}
