package dev.facet.data.behaviour;

import dev.facet.data.connector.ConnectorCapability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What every {@link EveryBackend} test of a class needs (a shared, seeded schema), added to each test's own requirements. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface SuiteRequires {
    /** The connector capabilities every test of the class needs. */
    ConnectorCapability[] requires() default {};

    /** The schema features the class's schema needs. */
    SchemaFeature[] schema() default {};
}
