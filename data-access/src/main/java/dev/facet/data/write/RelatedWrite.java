package dev.facet.data.write;

import dev.facet.data.connector.Session;
import dev.facet.data.query.Filter;
import dev.facet.data.query.RelationLink;
import dev.facet.schema.model.Model;
import dev.facet.schema.model.RelationField;
import dev.facet.schema.model.ScalarField;
import java.util.List;
import java.util.Map;

/**
 * Where a nested write through a relation the related records hold (to-many, the back side of a one-to-one, or an
 * implicit many-to-many join table) happens: what every nested operation on that side needs to know of its parent.
 *
 * @param session   the session of the request's transaction
 * @param model     the parent's model
 * @param field     the relation field the nested write is under
 * @param link      how the parent's records relate to the related ones
 * @param back      the relation field pointing back at the parent (null when the relation has none)
 * @param parent    the parent record's referenced values (at least its key and the fields relations reference)
 * @param connected the related records connected to the parent now
 * @param preset    the values a record created under the parent gets (its foreign key; empty for many-to-many)
 * @param creating  whether the parent is being created (it has no related records yet)
 * @param deferred  nested creates that wait for the parent's other nested writes (see {@link CreateOrder})
 */
record RelatedWrite(Session session, Model model, RelationField field, RelationLink link, RelationField back, Map<String, Object> parent,
                    Filter connected, Map<ScalarField, Object> preset, boolean creating, CreateOrder.Pending deferred) {

    /** The related model. */
    Model child() { return link.child(); }
}
