package dev.facet.data.write;

import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.Map;

/**
 * Where a nested write in an update, through a to-one relation whose foreign key is on the record being updated,
 * happens.
 *
 * @param session       the session of the request's transaction
 * @param model         the model of the record being updated
 * @param key           that record's key
 * @param field         the relation field the nested write is under
 * @param link          how the record relates to the related one
 * @param currentTarget the related record its foreign key points at now, or null when it points nowhere
 * @param changes       the foreign key changes of the record, which the operations add to
 */
record InlinedWrite(Session session, Model model, Map<String, Object> key, RelationField field, RelationLink link, Filter currentTarget,
                    Map<ScalarField, Session.FieldUpdate> changes) {

    /** The related model. */
    Model child() { return link.child(); }
}
