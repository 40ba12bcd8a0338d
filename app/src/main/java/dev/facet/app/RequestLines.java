package dev.facet.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of {@code facet query}'s input, read as bytes and decoded as strict UTF-8: a line that is not valid
 * UTF-8 is reported as such (not run with U+FFFD in place of its bad bytes), a UTF-8 byte-order mark before the
 * first line is skipped, and a line too long to hold is skipped and reported instead of exhausting memory.
 * Lines end with {@code \n} or {@code \r\n}.
 */
final class RequestLines {
    /** One line: its 1-based number and its text, or why it has none. */
    record Raw(int number, String text, String problem) {}

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final long maxLineBytes;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[64 * 1024];
    private int chunkPos;
    private int chunkEnd;
    private byte[] line = new byte[8 * 1024];
    private int number;
    private boolean ended;

    /**
     * @param in           the input
     * @param maxLineBytes lines longer than this are skipped and reported
     */
    RequestLines(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The default longest line: an eighth of the heap, so that parsing it still has room. */
    static long defaultMaxLineBytes() {
        return Math.min(Integer.MAX_VALUE - 16, Math.max(1 << 20, Runtime.getRuntime().maxMemory() / 8));
    }

    /** @return the next line, or null at the end of the input */
    Raw next() throws IOException {
        if (ended) return null;
        int length = 0;
        long seen = 0;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    ended = true;
                    if (!any) return null;
                    break;
                }
            }
            any = true;
            int newline = chunkPos;
            while (newline < chunkEnd && chunk[newline] != '\n') newline++;
            int n = newline - chunkPos;
            seen += n;
            if (seen <= maxLineBytes) {
                if (length + n > line.length) line = Arrays.copyOf(line, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(length + n, 2L * line.length)));
                System.arraycopy(chunk, chunkPos, line, length, n);
                length += n;
            }
            chunkPos = newline;
            if (newline < chunkEnd) {
                chunkPos++;
                break;
            }
        }
        number++;
        if (seen > maxLineBytes) {
            if (line.length > (1 << 20)) line = new byte[8 * 1024];
            return new Raw(number, null, "the line is " + seen + " bytes long, more than the " + maxLineBytes
                    + " this process can hold; it was skipped");
        }
        int from = number == 1 && startsWithBom(length) ? BOM.length : 0;
        if (length > from && line[length - 1] == '\r') length--;
        try {
            String text = utf8.decode(ByteBuffer.wrap(line, from, Math.max(0, length - from))).toString();
            return new Raw(number, text, null);
        } catch (MalformedInputException e) {
            return new Raw(number, null, "invalid UTF-8 at byte " + (firstBad(from, length) + 1) + " of the line");
        } catch (CharacterCodingException e) {
            return new Raw(number, null, "invalid UTF-8 in the line");
        } finally {
            // A huge line's buffer is not kept for the small lines after it.
            if (line.length > (1 << 20)) line = new byte[8 * 1024];
        }
    }

    private boolean startsWithBom(int length) {
        return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    /** The offset of the first byte that is not valid UTF-8, counted from the start of the line's bytes. */
    private int firstBad(int from, int length) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, from, length - from);
        var out = java.nio.CharBuffer.allocate(length - from + 1);
        d.decode(bytes, out, true);
        return bytes.position();
    }
}
