package dev.facet.data.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import dev.facet.data.error.QueryError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Server errors as Prisma reports them on MongoDB. */
final class MongoErrors {
    private static final Pattern INDEX = Pattern.compile("index: (\\S+)");

    private MongoErrors() {}

    static QueryError translate(MongoWriteException e) { return translate(e.getError().getCode(), e.getError().getMessage(), e); }

    static QueryError translate(MongoBulkWriteException e) {
        if (e.getWriteErrors().isEmpty()) return other(e);
        var first = e.getWriteErrors().getFirst();
        return translate(first.getCode(), first.getMessage(), e);
    }

    private static QueryError translate(int code, String message, MongoException e) {
        if (code == 11000) {
            Matcher m = INDEX.matcher(message == null ? "" : message);
            String index = m.find() ? m.group(1) : "(not available)";
            return new QueryError("P2002", "Unique constraint failed on the constraint: `" + index + "`", e);
        }
        if (code == 20) return transactionsNeedReplicaSet(e);
        if (code == 112) return new QueryError("P2034", "Transaction failed due to a write conflict or a deadlock. Please retry your transaction", e);
        return new QueryError("P2010", "Raw query failed. Code: `" + code + "`. Message: `" + message + "`", e);
    }

    static QueryError other(MongoException e) {
        if (e.getCode() == 20) return transactionsNeedReplicaSet(e);
        return new QueryError("P2010", "Raw query failed. Code: `" + e.getCode() + "`. Message: `" + e.getMessage() + "`", e);
    }

    /** Prisma's P2031, word for word. */
    static QueryError transactionsNeedReplicaSet(Throwable cause) {
        return new QueryError("P2031", "Prisma needs to perform transactions, which requires your MongoDB server to be run as a replica set. "
                + "https://pris.ly/d/mongodb-replica-set", cause);
    }
}
