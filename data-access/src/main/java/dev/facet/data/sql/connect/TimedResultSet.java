package dev.facet.data.sql.connect;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * A SQLite result set whose row fetches run under the statement time limit ({@link SqliteTimeLimit}). It is written
 * out, not a reflective proxy, because readers call its getters once per column per row, where a proxy would box each
 * value and allocate an argument array.
 */
@SuppressWarnings("deprecation")
final class TimedResultSet implements ResultSet {
    private final ResultSet rows;
    private final SqliteTimeLimit.Clock clock;
    private final Statement statement;

    TimedResultSet(ResultSet rows, SqliteTimeLimit.Clock clock, Statement statement) {
        this.rows = rows;
        this.clock = clock;
        this.statement = statement;
    }

    /** The one call that runs SQLite's virtual machine: timed. */
    @Override
    public boolean next() throws SQLException {
        clock.start();
        try {
            return rows.next();
        } catch (SQLException e) {
            throw clock.failure(e);
        } finally {
            clock.stop();
        }
    }

    @Override public void close() throws SQLException { rows.close(); }
    /** The statement as the caller sees it (timed too), not the driver's own. */
    @Override public Statement getStatement() { return statement; }

    // Everything else reads the current row or the driver's state: passed straight through.
    @Override public boolean absolute(int row) throws SQLException { return rows.absolute(row); }
    @Override public void afterLast() throws SQLException { rows.afterLast(); }
    @Override public void beforeFirst() throws SQLException { rows.beforeFirst(); }
    @Override public void cancelRowUpdates() throws SQLException { rows.cancelRowUpdates(); }
    @Override public void clearWarnings() throws SQLException { rows.clearWarnings(); }
    @Override public void deleteRow() throws SQLException { rows.deleteRow(); }
    @Override public int findColumn(String label) throws SQLException { return rows.findColumn(label); }
    @Override public boolean first() throws SQLException { return rows.first(); }
    @Override public Array getArray(String label) throws SQLException { return rows.getArray(label); }
    @Override public Array getArray(int column) throws SQLException { return rows.getArray(column); }
    @Override public InputStream getAsciiStream(String label) throws SQLException { return rows.getAsciiStream(label); }
    @Override public InputStream getAsciiStream(int column) throws SQLException { return rows.getAsciiStream(column); }
    @Override public BigDecimal getBigDecimal(String label, int scale) throws SQLException { return rows.getBigDecimal(label, scale); }
    @Override public BigDecimal getBigDecimal(String label) throws SQLException { return rows.getBigDecimal(label); }
    @Override public BigDecimal getBigDecimal(int column, int scale) throws SQLException { return rows.getBigDecimal(column, scale); }
    @Override public BigDecimal getBigDecimal(int column) throws SQLException { return rows.getBigDecimal(column); }
    @Override public InputStream getBinaryStream(String label) throws SQLException { return rows.getBinaryStream(label); }
    @Override public InputStream getBinaryStream(int column) throws SQLException { return rows.getBinaryStream(column); }
    @Override public Blob getBlob(String label) throws SQLException { return rows.getBlob(label); }
    @Override public Blob getBlob(int column) throws SQLException { return rows.getBlob(column); }
    @Override public boolean getBoolean(String label) throws SQLException { return rows.getBoolean(label); }
    @Override public boolean getBoolean(int column) throws SQLException { return rows.getBoolean(column); }
    @Override public byte getByte(String label) throws SQLException { return rows.getByte(label); }
    @Override public byte getByte(int column) throws SQLException { return rows.getByte(column); }
    @Override public byte[] getBytes(String label) throws SQLException { return rows.getBytes(label); }
    @Override public byte[] getBytes(int column) throws SQLException { return rows.getBytes(column); }
    @Override public Reader getCharacterStream(String label) throws SQLException { return rows.getCharacterStream(label); }
    @Override public Reader getCharacterStream(int column) throws SQLException { return rows.getCharacterStream(column); }
    @Override public Clob getClob(String label) throws SQLException { return rows.getClob(label); }
    @Override public Clob getClob(int column) throws SQLException { return rows.getClob(column); }
    @Override public int getConcurrency() throws SQLException { return rows.getConcurrency(); }
    @Override public String getCursorName() throws SQLException { return rows.getCursorName(); }
    @Override public Date getDate(String label, Calendar calendar) throws SQLException { return rows.getDate(label, calendar); }
    @Override public Date getDate(String label) throws SQLException { return rows.getDate(label); }
    @Override public Date getDate(int column, Calendar calendar) throws SQLException { return rows.getDate(column, calendar); }
    @Override public Date getDate(int column) throws SQLException { return rows.getDate(column); }
    @Override public double getDouble(String label) throws SQLException { return rows.getDouble(label); }
    @Override public double getDouble(int column) throws SQLException { return rows.getDouble(column); }
    @Override public int getFetchDirection() throws SQLException { return rows.getFetchDirection(); }
    @Override public int getFetchSize() throws SQLException { return rows.getFetchSize(); }
    @Override public float getFloat(String label) throws SQLException { return rows.getFloat(label); }
    @Override public float getFloat(int column) throws SQLException { return rows.getFloat(column); }
    @Override public int getHoldability() throws SQLException { return rows.getHoldability(); }
    @Override public int getInt(String label) throws SQLException { return rows.getInt(label); }
    @Override public int getInt(int column) throws SQLException { return rows.getInt(column); }
    @Override public long getLong(String label) throws SQLException { return rows.getLong(label); }
    @Override public long getLong(int column) throws SQLException { return rows.getLong(column); }
    @Override public ResultSetMetaData getMetaData() throws SQLException { return rows.getMetaData(); }
    @Override public Reader getNCharacterStream(String label) throws SQLException { return rows.getNCharacterStream(label); }
    @Override public Reader getNCharacterStream(int column) throws SQLException { return rows.getNCharacterStream(column); }
    @Override public NClob getNClob(String label) throws SQLException { return rows.getNClob(label); }
    @Override public NClob getNClob(int column) throws SQLException { return rows.getNClob(column); }
    @Override public String getNString(String label) throws SQLException { return rows.getNString(label); }
    @Override public String getNString(int column) throws SQLException { return rows.getNString(column); }
    @Override public <T> T getObject(String label, Class<T> type) throws SQLException { return rows.getObject(label, type); }
    @Override public Object getObject(String label, Map<String, Class<?>> types) throws SQLException { return rows.getObject(label, types); }
    @Override public Object getObject(String label) throws SQLException { return rows.getObject(label); }
    @Override public <T> T getObject(int column, Class<T> type) throws SQLException { return rows.getObject(column, type); }
    @Override public Object getObject(int column, Map<String, Class<?>> types) throws SQLException { return rows.getObject(column, types); }
    @Override public Object getObject(int column) throws SQLException { return rows.getObject(column); }
    @Override public Ref getRef(String label) throws SQLException { return rows.getRef(label); }
    @Override public Ref getRef(int column) throws SQLException { return rows.getRef(column); }
    @Override public int getRow() throws SQLException { return rows.getRow(); }
    @Override public RowId getRowId(String label) throws SQLException { return rows.getRowId(label); }
    @Override public RowId getRowId(int column) throws SQLException { return rows.getRowId(column); }
    @Override public SQLXML getSQLXML(String label) throws SQLException { return rows.getSQLXML(label); }
    @Override public SQLXML getSQLXML(int column) throws SQLException { return rows.getSQLXML(column); }
    @Override public short getShort(String label) throws SQLException { return rows.getShort(label); }
    @Override public short getShort(int column) throws SQLException { return rows.getShort(column); }
    @Override public String getString(String label) throws SQLException { return rows.getString(label); }
    @Override public String getString(int column) throws SQLException { return rows.getString(column); }
    @Override public Time getTime(String label, Calendar calendar) throws SQLException { return rows.getTime(label, calendar); }
    @Override public Time getTime(String label) throws SQLException { return rows.getTime(label); }
    @Override public Time getTime(int column, Calendar calendar) throws SQLException { return rows.getTime(column, calendar); }
    @Override public Time getTime(int column) throws SQLException { return rows.getTime(column); }
    @Override public Timestamp getTimestamp(String label, Calendar calendar) throws SQLException { return rows.getTimestamp(label, calendar); }
    @Override public Timestamp getTimestamp(String label) throws SQLException { return rows.getTimestamp(label); }
    @Override public Timestamp getTimestamp(int column, Calendar calendar) throws SQLException { return rows.getTimestamp(column, calendar); }
    @Override public Timestamp getTimestamp(int column) throws SQLException { return rows.getTimestamp(column); }
    @Override public int getType() throws SQLException { return rows.getType(); }
    @Override public URL getURL(String label) throws SQLException { return rows.getURL(label); }
    @Override public URL getURL(int column) throws SQLException { return rows.getURL(column); }
    @Override public InputStream getUnicodeStream(String label) throws SQLException { return rows.getUnicodeStream(label); }
    @Override public InputStream getUnicodeStream(int column) throws SQLException { return rows.getUnicodeStream(column); }
    @Override public SQLWarning getWarnings() throws SQLException { return rows.getWarnings(); }
    @Override public void insertRow() throws SQLException { rows.insertRow(); }
    @Override public boolean isAfterLast() throws SQLException { return rows.isAfterLast(); }
    @Override public boolean isBeforeFirst() throws SQLException { return rows.isBeforeFirst(); }
    @Override public boolean isClosed() throws SQLException { return rows.isClosed(); }
    @Override public boolean isFirst() throws SQLException { return rows.isFirst(); }
    @Override public boolean isLast() throws SQLException { return rows.isLast(); }
    @Override public boolean isWrapperFor(Class<?> type) throws SQLException { return rows.isWrapperFor(type); }
    @Override public boolean last() throws SQLException { return rows.last(); }
    @Override public void moveToCurrentRow() throws SQLException { rows.moveToCurrentRow(); }
    @Override public void moveToInsertRow() throws SQLException { rows.moveToInsertRow(); }
    @Override public boolean previous() throws SQLException { return rows.previous(); }
    @Override public void refreshRow() throws SQLException { rows.refreshRow(); }
    @Override public boolean relative(int rows) throws SQLException { return this.rows.relative(rows); }
    @Override public boolean rowDeleted() throws SQLException { return rows.rowDeleted(); }
    @Override public boolean rowInserted() throws SQLException { return rows.rowInserted(); }
    @Override public boolean rowUpdated() throws SQLException { return rows.rowUpdated(); }
    @Override public void setFetchDirection(int direction) throws SQLException { rows.setFetchDirection(direction); }
    @Override public void setFetchSize(int size) throws SQLException { rows.setFetchSize(size); }
    @Override public <T> T unwrap(Class<T> type) throws SQLException { return rows.unwrap(type); }
    @Override public void updateArray(String label, Array value) throws SQLException { rows.updateArray(label, value); }
    @Override public void updateArray(int column, Array value) throws SQLException { rows.updateArray(column, value); }
    @Override public void updateAsciiStream(String label, InputStream stream, int length) throws SQLException { rows.updateAsciiStream(label, stream, length); }
    @Override public void updateAsciiStream(String label, InputStream stream, long length) throws SQLException { rows.updateAsciiStream(label, stream, length); }
    @Override public void updateAsciiStream(String label, InputStream stream) throws SQLException { rows.updateAsciiStream(label, stream); }
    @Override public void updateAsciiStream(int column, InputStream stream, int length) throws SQLException { rows.updateAsciiStream(column, stream, length); }
    @Override public void updateAsciiStream(int column, InputStream stream, long length) throws SQLException { rows.updateAsciiStream(column, stream, length); }
    @Override public void updateAsciiStream(int column, InputStream stream) throws SQLException { rows.updateAsciiStream(column, stream); }
    @Override public void updateBigDecimal(String label, BigDecimal value) throws SQLException { rows.updateBigDecimal(label, value); }
    @Override public void updateBigDecimal(int column, BigDecimal value) throws SQLException { rows.updateBigDecimal(column, value); }
    @Override public void updateBinaryStream(String label, InputStream stream, int length) throws SQLException { rows.updateBinaryStream(label, stream, length); }
    @Override public void updateBinaryStream(String label, InputStream stream, long length) throws SQLException { rows.updateBinaryStream(label, stream, length); }
    @Override public void updateBinaryStream(String label, InputStream stream) throws SQLException { rows.updateBinaryStream(label, stream); }
    @Override public void updateBinaryStream(int column, InputStream stream, int length) throws SQLException { rows.updateBinaryStream(column, stream, length); }
    @Override public void updateBinaryStream(int column, InputStream stream, long length) throws SQLException { rows.updateBinaryStream(column, stream, length); }
    @Override public void updateBinaryStream(int column, InputStream stream) throws SQLException { rows.updateBinaryStream(column, stream); }
    @Override public void updateBlob(String label, InputStream reader, long length) throws SQLException { rows.updateBlob(label, reader, length); }
    @Override public void updateBlob(String label, InputStream reader) throws SQLException { rows.updateBlob(label, reader); }
    @Override public void updateBlob(String label, Blob value) throws SQLException { rows.updateBlob(label, value); }
    @Override public void updateBlob(int column, InputStream reader, long length) throws SQLException { rows.updateBlob(column, reader, length); }
    @Override public void updateBlob(int column, InputStream reader) throws SQLException { rows.updateBlob(column, reader); }
    @Override public void updateBlob(int column, Blob value) throws SQLException { rows.updateBlob(column, value); }
    @Override public void updateBoolean(String label, boolean value) throws SQLException { rows.updateBoolean(label, value); }
    @Override public void updateBoolean(int column, boolean value) throws SQLException { rows.updateBoolean(column, value); }
    @Override public void updateByte(String label, byte value) throws SQLException { rows.updateByte(label, value); }
    @Override public void updateByte(int column, byte value) throws SQLException { rows.updateByte(column, value); }
    @Override public void updateBytes(String label, byte[] value) throws SQLException { rows.updateBytes(label, value); }
    @Override public void updateBytes(int column, byte[] value) throws SQLException { rows.updateBytes(column, value); }
    @Override public void updateCharacterStream(String label, Reader stream, int length) throws SQLException { rows.updateCharacterStream(label, stream, length); }
    @Override public void updateCharacterStream(String label, Reader stream, long length) throws SQLException { rows.updateCharacterStream(label, stream, length); }
    @Override public void updateCharacterStream(String label, Reader stream) throws SQLException { rows.updateCharacterStream(label, stream); }
    @Override public void updateCharacterStream(int column, Reader stream, int length) throws SQLException { rows.updateCharacterStream(column, stream, length); }
    @Override public void updateCharacterStream(int column, Reader stream, long length) throws SQLException { rows.updateCharacterStream(column, stream, length); }
    @Override public void updateCharacterStream(int column, Reader stream) throws SQLException { rows.updateCharacterStream(column, stream); }
    @Override public void updateClob(String label, Reader reader, long length) throws SQLException { rows.updateClob(label, reader, length); }
    @Override public void updateClob(String label, Reader reader) throws SQLException { rows.updateClob(label, reader); }
    @Override public void updateClob(String label, Clob value) throws SQLException { rows.updateClob(label, value); }
    @Override public void updateClob(int column, Reader reader, long length) throws SQLException { rows.updateClob(column, reader, length); }
    @Override public void updateClob(int column, Reader reader) throws SQLException { rows.updateClob(column, reader); }
    @Override public void updateClob(int column, Clob value) throws SQLException { rows.updateClob(column, value); }
    @Override public void updateDate(String label, Date value) throws SQLException { rows.updateDate(label, value); }
    @Override public void updateDate(int column, Date value) throws SQLException { rows.updateDate(column, value); }
    @Override public void updateDouble(String label, double value) throws SQLException { rows.updateDouble(label, value); }
    @Override public void updateDouble(int column, double value) throws SQLException { rows.updateDouble(column, value); }
    @Override public void updateFloat(String label, float value) throws SQLException { rows.updateFloat(label, value); }
    @Override public void updateFloat(int column, float value) throws SQLException { rows.updateFloat(column, value); }
    @Override public void updateInt(String label, int value) throws SQLException { rows.updateInt(label, value); }
    @Override public void updateInt(int column, int value) throws SQLException { rows.updateInt(column, value); }
    @Override public void updateLong(String label, long value) throws SQLException { rows.updateLong(label, value); }
    @Override public void updateLong(int column, long value) throws SQLException { rows.updateLong(column, value); }
    @Override public void updateNCharacterStream(String label, Reader stream, long length) throws SQLException { rows.updateNCharacterStream(label, stream, length); }
    @Override public void updateNCharacterStream(String label, Reader stream) throws SQLException { rows.updateNCharacterStream(label, stream); }
    @Override public void updateNCharacterStream(int column, Reader stream, long length) throws SQLException { rows.updateNCharacterStream(column, stream, length); }
    @Override public void updateNCharacterStream(int column, Reader stream) throws SQLException { rows.updateNCharacterStream(column, stream); }
    @Override public void updateNClob(String label, Reader reader, long length) throws SQLException { rows.updateNClob(label, reader, length); }
    @Override public void updateNClob(String label, Reader reader) throws SQLException { rows.updateNClob(label, reader); }
    @Override public void updateNClob(String label, NClob value) throws SQLException { rows.updateNClob(label, value); }
    @Override public void updateNClob(int column, Reader reader, long length) throws SQLException { rows.updateNClob(column, reader, length); }
    @Override public void updateNClob(int column, Reader reader) throws SQLException { rows.updateNClob(column, reader); }
    @Override public void updateNClob(int column, NClob value) throws SQLException { rows.updateNClob(column, value); }
    @Override public void updateNString(String label, String value) throws SQLException { rows.updateNString(label, value); }
    @Override public void updateNString(int column, String value) throws SQLException { rows.updateNString(column, value); }
    @Override public void updateNull(String label) throws SQLException { rows.updateNull(label); }
    @Override public void updateNull(int column) throws SQLException { rows.updateNull(column); }
    @Override public void updateObject(String label, Object value, int scaleOrLength) throws SQLException { rows.updateObject(label, value, scaleOrLength); }
    @Override public void updateObject(String label, Object value, SQLType targetType, int scaleOrLength) throws SQLException { rows.updateObject(label, value, targetType, scaleOrLength); }
    @Override public void updateObject(String label, Object value, SQLType targetType) throws SQLException { rows.updateObject(label, value, targetType); }
    @Override public void updateObject(String label, Object value) throws SQLException { rows.updateObject(label, value); }
    @Override public void updateObject(int column, Object value, int scaleOrLength) throws SQLException { rows.updateObject(column, value, scaleOrLength); }
    @Override public void updateObject(int column, Object value, SQLType targetType, int scaleOrLength) throws SQLException { rows.updateObject(column, value, targetType, scaleOrLength); }
    @Override public void updateObject(int column, Object value, SQLType targetType) throws SQLException { rows.updateObject(column, value, targetType); }
    @Override public void updateObject(int column, Object value) throws SQLException { rows.updateObject(column, value); }
    @Override public void updateRef(String label, Ref value) throws SQLException { rows.updateRef(label, value); }
    @Override public void updateRef(int column, Ref value) throws SQLException { rows.updateRef(column, value); }
    @Override public void updateRow() throws SQLException { rows.updateRow(); }
    @Override public void updateRowId(String label, RowId value) throws SQLException { rows.updateRowId(label, value); }
    @Override public void updateRowId(int column, RowId value) throws SQLException { rows.updateRowId(column, value); }
    @Override public void updateSQLXML(String label, SQLXML value) throws SQLException { rows.updateSQLXML(label, value); }
    @Override public void updateSQLXML(int column, SQLXML value) throws SQLException { rows.updateSQLXML(column, value); }
    @Override public void updateShort(String label, short value) throws SQLException { rows.updateShort(label, value); }
    @Override public void updateShort(int column, short value) throws SQLException { rows.updateShort(column, value); }
    @Override public void updateString(String label, String value) throws SQLException { rows.updateString(label, value); }
    @Override public void updateString(int column, String value) throws SQLException { rows.updateString(column, value); }
    @Override public void updateTime(String label, Time value) throws SQLException { rows.updateTime(label, value); }
    @Override public void updateTime(int column, Time value) throws SQLException { rows.updateTime(column, value); }
    @Override public void updateTimestamp(String label, Timestamp value) throws SQLException { rows.updateTimestamp(label, value); }
    @Override public void updateTimestamp(int column, Timestamp value) throws SQLException { rows.updateTimestamp(column, value); }
    @Override public boolean wasNull() throws SQLException { return rows.wasNull(); }
}
