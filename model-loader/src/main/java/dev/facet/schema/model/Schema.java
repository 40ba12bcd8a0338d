package dev.facet.schema.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A valid Prisma schema, resolved: the immutable model {@code data-access} and {@code ui} work from.
 *
 * @param datasource     the datasource, if the schema has one
 * @param generators     the generator blocks in written order
 * @param models         models and views in written order
 * @param enums          enums in written order
 * @param compositeTypes composite types in written order
 * @param relations      every relation, resolved on both sides
 */
public record Schema(Optional<Datasource> datasource, List<Generator> generators, List<Model> models, List<EnumType> enums,
                     List<CompositeType> compositeTypes, List<Relation> relations) {
    public Schema {
        generators = List.copyOf(generators);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        compositeTypes = List.copyOf(compositeTypes);
        relations = List.copyOf(relations);
    }

    /** @return the model or view with this name, or null */
    public Model model(String name) {
        for (Model m : models) if (m.name().equals(name)) return m;
        return null;
    }

    /** @return the enum with this name, or null */
    public EnumType enumType(String name) {
        for (EnumType e : enums) if (e.name().equals(name)) return e;
        return null;
    }

    /** @return the composite type with this name, or null */
    public CompositeType compositeType(String name) {
        for (CompositeType c : compositeTypes) if (c.name().equals(name)) return c;
        return null;
    }

    /** @return the relation a relation field belongs to, or null */
    public Relation relationOf(String modelName, String fieldName) {
        for (Relation r : relations) {
            if (r.referencingModel().equals(modelName) && fieldName.equals(r.referencingField())) return r;
            if (r.referencedModel().equals(modelName) && fieldName.equals(r.referencedField())) return r;
        }
        return null;
    }

    /** @return the provider, if a datasource is declared */
    public Optional<Provider> provider() { return datasource.map(Datasource::provider); }

    /** @return models (not views) by name, in written order */
    public Map<String, Model> modelsByName() {
        Map<String, Model> map = new LinkedHashMap<>();
        for (Model m : models) map.put(m.name(), m);
        return map;
    }
}
