package dev.facet.ui.grid;

import com.fasterxml.jackson.databind.JsonNode;
import dev.facet.schema.model.ScalarField;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * MongoDB's ObjectIds ({@code String @db.ObjectId}) as people handle them: shown short enough to scan
 * ({@code 64b7…f60001}: the start is the creation time, which neighbours share, the end the counter, which tells
 * them apart), whole in tooltips and when copied, checked as typed, and generated as the server would.
 */
public final class ObjectIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS = new byte[5];
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());

    static {
        RANDOM.nextBytes(PROCESS);
    }

    private ObjectIds() {}

    /** @return whether the column holds ObjectIds (one, or an id array) */
    public static boolean is(GridColumn column) {
        ScalarField s = column.scalar();
        return s != null && s.nativeType() != null && "ObjectId".equals(s.nativeType().name())
                && s.scalarType() == dev.facet.schema.model.ScalarType.STRING;
    }

    /** @return {@code 64b7…f60001} for a 24-character hexadecimal text (an ObjectId); anything else unchanged */
    public static String shortForm(String hex) {
        return hex.length() == 24 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0) ? hex.substring(0, 4) + "…" + hex.substring(18) : hex;
    }

    /** The cell text of an ObjectId or of an id array: each id short. */
    static String display(JsonNode value) {
        if (!value.isArray()) return shortForm(value.asText());
        List<String> ids = new ArrayList<>();
        value.forEach(v -> ids.add(shortForm(v.asText())));
        return "[" + String.join(", ", ids) + "]";
    }

    /** The tooltip: every id whole, one a line. */
    static String tooltip(JsonNode value) {
        if (!value.isArray()) return value.asText();
        if (value.isEmpty()) return "No ids";
        List<String> ids = new ArrayList<>();
        value.forEach(v -> ids.add(v.asText()));
        return String.join("\n", ids);
    }

    /**
     * @return the ObjectId typed, lower-cased
     * @throws CellValues.Refused saying what is wrong, as typed: not 24 characters, or not hexadecimal
     */
    static String parse(String text) {
        String t = text.strip();
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) {
                throw new CellValues.Refused("an ObjectId is 24 hexadecimal characters (0–9, a–f); '" + t.charAt(i) + "' at position "
                        + (i + 1) + " is not one");
            }
        }
        if (t.length() != 24) throw new CellValues.Refused("an ObjectId is 24 hexadecimal characters (0–9, a–f), not " + t.length());
        return t.toLowerCase(java.util.Locale.ROOT);
    }

    /** @return a new ObjectId: the time in seconds, five random bytes for this process, a counter (as drivers make them) */
    public static String generate() {
        byte[] b = new byte[12];
        int seconds = (int) Instant.now().getEpochSecond();
        b[0] = (byte) (seconds >>> 24);
        b[1] = (byte) (seconds >>> 16);
        b[2] = (byte) (seconds >>> 8);
        b[3] = (byte) seconds;
        System.arraycopy(PROCESS, 0, b, 4, 5);
        int n = COUNTER.getAndIncrement();
        b[9] = (byte) (n >>> 16);
        b[10] = (byte) (n >>> 8);
        b[11] = (byte) n;
        return HexFormat.of().formatHex(b);
    }
}
