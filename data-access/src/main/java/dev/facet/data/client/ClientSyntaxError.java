package dev.facet.data.client;

/**
 * A Prisma Client call that cannot be read: what is wrong and where ({@code 2:14: expected ',' or '}'}).
 * Lines and columns count from 1; the offset counts characters from 0.
 */
public final class ClientSyntaxError extends RuntimeException {
    private final int line;
    private final int column;
    private final int offset;
    private final String problem;

    /**
     * @param source  the whole text, to turn {@code offset} into a line and column
     * @param offset  where the problem is
     * @param problem what is wrong, without the position
     */
    public ClientSyntaxError(String source, int offset, String problem) {
        this(lineColumn(source, offset), offset, problem);
    }

    private ClientSyntaxError(int[] lineColumn, int offset, String problem) {
        super(lineColumn[0] + ":" + lineColumn[1] + ": " + problem);
        this.line = lineColumn[0];
        this.column = lineColumn[1];
        this.offset = offset;
        this.problem = problem;
    }

    private static int[] lineColumn(String source, int offset) {
        int l = 1;
        int c = 1;
        for (int i = 0; i < Math.min(offset, source.length()); i++) {
            if (source.charAt(i) == '\n') {
                l++;
                c = 1;
            } else {
                c++;
            }
        }
        return new int[] {l, c};
    }

    /** @return the line, from 1 */
    public int line() { return line; }

    /** @return the column, from 1 */
    public int column() { return column; }

    /** @return the offset in the text, from 0 */
    public int offset() { return offset; }

    /** @return what is wrong, without the position */
    public String problem() { return problem; }
}
